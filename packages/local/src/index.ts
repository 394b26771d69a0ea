/**
 * @scones/local: the `scones` CLI and the local stack that runs the real Scones state machine on
 * this machine.
 *
 * @example
 * import { LocalStack, classifyFiles, localRunner } from '@scones/local';
 * const stack = await LocalStack.start({ temporary: true });
 * const results = await classifyFiles(['photo.png'], localRunner(stack.s3, stack.bucket, stack.executions));
 * await stack.stop();
 */
export {
  LocalStack,
  DEFAULT_BUCKET,
  STATE_MACHINE_NAME,
  EXPRESS_STATE_MACHINE_NAME,
  BATCH_STATE_MACHINE_NAME,
  type LocalStackOptions,
} from './stack/local-stack.js';
export { StackStartError } from './stack/stack-errors.js';
export {
  StorageFaultProxy,
  parseStorageFaults,
  type StorageFault,
  type StorageFaults,
} from './stack/storage-faults.js';
export {
  LOCAL_ACCOUNT,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  awsEnvironment,
  type LocalEndpoints,
} from './stack/aws-environment.js';
export { LOCAL_FUNCTION_NAMES } from './stack/step-lambdas.js';
export {
  ExecutionStore,
  StepFunctionsError,
  type StateMachineSpec,
  type MachineExecutor,
} from './executions/execution-store.js';
export type { Execution, ExecutionStatus } from './executions/execution.js';
export { executionHistory, type HistoryEvent } from './executions/history.js';
export { StepFunctionsServer } from './sfn-api/step-functions-server.js';
export { classifyFiles, type ClassifyFilesOptions } from './classify/classify-files.js';
export { collectImages, InputPathError } from './classify/collect-images.js';
export {
  toClassificationResult,
  type ClassificationResult,
  type ExecutionOutcome,
} from './classify/execution-outcome.js';
export { localRunner, remoteRunner, type WorkflowRunner } from './classify/workflow-runner.js';
export { writeSampleImages } from './demo/sample-images.js';
export {
  runBatch,
  type BatchItemResult,
  type BatchOptions,
  type BatchResult,
} from './batch/batch-run.js';
export { s3ItemReader, type S3ObjectItem } from './batch/item-reader.js';
export { s3ResultSink } from './batch/s3-result-sink.js';
