/**
 * @scones/executor: runs any Amazon States Language definition on one machine with
 * aws-local-stepfunctions, each Lambda task mapped to an in-process handler.
 *
 * @example
 * import { LocalExecutor } from '@scones/executor';
 * const result = await new LocalExecutor(definition, { lambdas }).execute(input);
 */
export {
  LocalExecutor,
  type LocalExecutorOptions,
  type ServiceIntegration,
  type ExecutionContext,
  type ExecuteOptions,
} from './local-executor.js';
export type { ExecutionEvent, ExecutionResult, TaskAttempt } from './execution-result.js';
export type { LambdaHandler } from './lambda-functions.js';
export { taskStates, type TaskStateRef } from './task-states.js';
export { UnsupportedDefinitionError, requireJsonPath } from './query-language.js';
export {
  runDistributedMap,
  type DistributedMapOptions,
  type DistributedMapRun,
  type ItemReader,
  type ItemReaderRequest,
  type MapRunItem,
} from './distributed-map/distributed-map-run.js';
export {
  ResultWriter,
  type ResultEntry,
  type ResultFile,
  type ResultSink,
  type ResultStatus,
} from './distributed-map/result-writer.js';
export { resolveTemplate, type TemplateScope } from './distributed-map/payload-template.js';
