/**
 * @scones/workflow: the Scones workflow's Amazon States Language definitions, as typed data
 * built by functions. No AWS SDK, no CDK: pass the result to the CDK
 * (`DefinitionBody.fromString(definitionToJson(definition))`), the AWS CLI, or a local executor.
 *
 * @example
 * import { buildImageClassificationDefinition, definitionToJson } from '@scones/workflow';
 * const json = definitionToJson(
 *   buildImageClassificationDefinition({
 *     functions: { serialize: '${SerializeArn}', classify: '${ClassifyArn}', threshold: '${ThresholdArn}' },
 *   }),
 * );
 */
export type * from './asl/types.js';
export { definitionToJson } from './asl/json.js';
export { toMermaid } from './asl/mermaid.js';
export { LAMBDA_SERVICE_ERRORS, retrier, type RetryPolicy } from './states/retry-policy.js';
export {
  arnInAccount,
  s3Arn,
  type TaskPermission,
  type TaskWithPermissions,
} from './permissions/task-permission.js';
export {
  collectStates,
  type DefinitionWithPermissions,
  type StatesWithPermissions,
} from './permissions/definition-with-permissions.js';
export { lambdaInvokeTask, type LambdaInvokeTaskProps } from './states/lambda-invoke.js';
export { sendToReviewTask, type ReviewTarget } from './states/review-target.js';
export {
  buildImageClassificationDefinition,
  buildImageClassificationStates,
  buildImageClassificationWorkflow,
} from './image-classification/build.js';
export {
  DEFAULT_ENDPOINT_RETRY,
  DEFAULT_LAMBDA_SERVICE_RETRY,
  DEFAULT_TASK_TIMEOUTS,
  type ImageClassificationOptions,
  type LowConfidenceHandling,
  type StepLambdaNames,
  type StepFunctionNames,
} from './image-classification/options.js';
export { IMAGE_CLASSIFICATION_STATES } from './image-classification/state-names.js';
export {
  BELOW_THRESHOLD_ERROR,
  ENDPOINT_ERRORS,
  IMAGE_ERRORS,
} from './image-classification/error-groups.js';
export { buildBatchDefinition, buildBatchWorkflow } from './batch/build-batch.js';
export {
  BATCH_MAP_STATE,
  DEFAULT_BATCH_MAX_CONCURRENCY,
  DEFAULT_TOLERATED_FAILURE_PERCENTAGE,
  OWN_STATE_MACHINE_NAME,
  type BatchOptions,
} from './batch/batch-options.js';
export { buildTrainingDefinition, buildTrainingWorkflow } from './training/build-training.js';
export { TRAINING_NAME_PREFIX } from './training/tasks/sagemaker-names.js';
export {
  MODEL_ACCURACY_TOO_LOW,
  TRAINING_STATES,
  type TrainingOptions,
} from './training/training-options.js';
