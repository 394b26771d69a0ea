/**
 * @scones/threshold/lambda: the Lambda adapter of step 3.
 *
 * @example
 * // Lambda handler setting: index.handler (bundle) or node_modules/@scones/threshold/dist/lambda/index.handler
 * export { handler } from '@scones/threshold/lambda';
 */
export { handler, createThresholdHandler, type ThresholdHandler } from './handler.js';
export { readThresholdConfig, type ThresholdConfig } from './config.js';
