/**
 * @scones/threshold/lambda: the Lambda adapter of step 3.
 *
 * @example
 * // Lambda handler setting: index.handler (bundle) or node_modules/@scones/threshold/dist/lambda/index.handler
 * export { handler } from '@scones/threshold/lambda';
 * // In process, with settings of your own:
 * const handle = thresholdHandlerFromEnvironment({ ...process.env, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569' });
 */
import { builtOnFirstEvent } from '@scones/contracts';
import { thresholdHandlerFromEnvironment, type ThresholdHandler } from './handler.js';

export {
  createThresholdHandler,
  thresholdHandlerFromEnvironment,
  type ThresholdHandler,
} from './handler.js';
export { readThresholdConfig, type ThresholdConfig } from './config.js';

/**
 * The Lambda entry point for a function that runs this module as it is installed
 * (`node_modules/@scones/threshold/dist/lambda/index.handler`): built from `process.env` when the
 * first event arrives, so that importing the module reads nothing. In your own code, build one
 * with `thresholdHandlerFromEnvironment(env)` or `createThresholdHandler(...)`.
 */
export const handler: ThresholdHandler = builtOnFirstEvent(() =>
  thresholdHandlerFromEnvironment(process.env),
);
