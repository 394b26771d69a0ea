/**
 * @scones/serialize/lambda: the Lambda adapter of step 1.
 *
 * @example
 * // Lambda handler setting: index.handler (bundle) or node_modules/@scones/serialize/dist/lambda/index.handler
 * export { handler } from '@scones/serialize/lambda';
 */
export { handler, createSerializeHandler, type SerializeHandler } from './handler.js';
export { readSerializeConfig, type SerializeConfig } from './config.js';
