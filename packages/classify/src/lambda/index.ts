/**
 * @scones/classify/lambda: the Lambda adapter of step 2. Requires `ENDPOINT_NAME`.
 *
 * @example
 * // Lambda handler setting: index.handler (bundle) or node_modules/@scones/classify/dist/lambda/index.handler
 * export { handler } from '@scones/classify/lambda';
 * // In process, with settings of your own:
 * const handle = classifyHandlerFromEnvironment({ ...process.env, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569' });
 */
import { builtOnFirstEvent } from '@scones/contracts';
import { classifyHandlerFromEnvironment, type ClassifyHandler } from './handler.js';

export {
  createClassifyHandler,
  classifyHandlerFromEnvironment,
  type ClassifyHandler,
} from './handler.js';
export {
  DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
  ENDPOINT_CONNECT_TIMEOUT_MS,
  ENDPOINT_MAX_ATTEMPTS,
  readClassifyConfig,
  type ClassifyConfig,
} from './config.js';
export { createSageMakerInvoker } from './sagemaker-invoker.js';
export { toEndpointError } from './endpoint-errors.js';

/**
 * The Lambda entry point for a function that runs this module as it is installed
 * (`node_modules/@scones/classify/dist/lambda/index.handler`): built from `process.env` when the
 * first event arrives, so that importing the module reads nothing. In your own code, build one
 * with `classifyHandlerFromEnvironment(env)` or `createClassifyHandler(...)`.
 */
export const handler: ClassifyHandler = builtOnFirstEvent(() =>
  classifyHandlerFromEnvironment(process.env),
);
