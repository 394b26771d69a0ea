/**
 * @scones/classify/lambda: the Lambda adapter of step 2. Requires `ENDPOINT_NAME`.
 *
 * @example
 * // Lambda handler setting: index.handler (bundle) or node_modules/@scones/classify/dist/lambda/index.handler
 * export { handler } from '@scones/classify/lambda';
 */
export { handler, createClassifyHandler, type ClassifyHandler } from './handler.js';
export {
  DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
  ENDPOINT_CONNECT_TIMEOUT_MS,
  ENDPOINT_MAX_ATTEMPTS,
  readClassifyConfig,
  type ClassifyConfig,
} from './config.js';
export { createSageMakerInvoker } from './sagemaker-invoker.js';
export { toEndpointError } from './endpoint-errors.js';
