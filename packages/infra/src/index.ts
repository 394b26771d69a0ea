/**
 * @scones/infra: AWS CDK constructs that deploy the Scones image-classification workflow.
 *
 * @example
 * import { ImageClassificationWorkflow } from '@scones/infra';
 * new ImageClassificationWorkflow(stack, 'Workflow', { endpoint: { existingEndpointName: 'scones-classifier' } });
 */
export { DEFAULT_ENDPOINT_NAME } from '@scones/contracts';
export {
  ImageClassificationWorkflow,
  type ClassifierEndpointChoice,
  type ImageClassificationWorkflowProps,
  type LowConfidenceChoice,
} from './image-classification-workflow.js';
export {
  DEFINITION_PLACEHOLDERS,
  batchDefinitionOptions,
  workflowDefinitionOptions,
  type BatchProps,
  type ReviewKind,
} from './definition-placeholders.js';
export { StepLambdas, functionTimeoutWithin, type StepLambdasProps } from './step-lambdas.js';
export {
  SingleImageClassification,
  type SingleImageClassificationProps,
} from './single-image-classification.js';
export { BatchClassification, type BatchClassificationProps } from './batch-classification.js';
export { ReviewQueue } from './review-queue.js';
export {
  WorkflowStateMachine,
  type WorkflowStateMachineProps,
} from './state-machines/workflow-state-machine.js';
export { policyStatements, type WildcardGrant } from './state-machines/policy-statements.js';
export {
  reviewKindOf,
  workflowSubstitutions,
  type ReviewDestination,
} from './workflow-substitutions.js';
export {
  ClassifierEndpoint,
  type ClassifierEndpointProps,
  type ClassifierModelProps,
} from './endpoint/classifier-endpoint.js';
export {
  StepLambda,
  StepFunction,
  type StepLambdaProps,
  type StepFunctionProps,
} from './step-lambda.js';
export { stepBundleDir, type StepName } from './step-bundles.js';
export {
  WorkflowAlarms,
  LOW_CONFIDENCE_METRIC,
  type WorkflowAlarmsProps,
} from './workflow-alarms.js';
export { WorkflowBucket, type WorkflowBucketProps } from './workflow-bucket.js';
export { SconesWorkflowStack, type SconesWorkflowStackProps } from './scones-workflow-stack.js';
export { AppSettingsError, readAppSettings, type AppSettings } from './app-settings.js';
export {
  TRAINING_PLACEHOLDERS,
  TrainingPipeline,
  trainingDefinitionOptions,
  type TrainingPipelineProps,
  type TrainingProps,
} from './training-pipeline.js';
