/**
 * @scones/serialize/lambda: the Lambda adapter of step 1.
 *
 * @example
 * // Lambda handler setting: index.handler (bundle) or node_modules/@scones/serialize/dist/lambda/index.handler
 * export { handler } from '@scones/serialize/lambda';
 * // In process, with settings of your own:
 * const handle = serializeHandlerFromEnvironment({ ...process.env, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569' });
 */
import { builtOnFirstEvent } from '@scones/contracts';
import { serializeHandlerFromEnvironment, type SerializeHandler } from './handler.js';

export {
  createSerializeHandler,
  serializeHandlerFromEnvironment,
  type SerializeHandler,
} from './handler.js';
export { readSerializeConfig, type SerializeConfig } from './config.js';

/**
 * The Lambda entry point for a function that runs this module as it is installed
 * (`node_modules/@scones/serialize/dist/lambda/index.handler`): built from `process.env` when the
 * first event arrives, so that importing the module reads nothing. In your own code, build one
 * with `serializeHandlerFromEnvironment(env)` or `createSerializeHandler(...)`.
 */
export const handler: SerializeHandler = builtOnFirstEvent(() =>
  serializeHandlerFromEnvironment(process.env),
);
