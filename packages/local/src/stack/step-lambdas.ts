import { classifyHandlerFromEnvironment } from '@scones/classify/lambda';
import type { Environment } from '@scones/contracts';
import type { LambdaHandler } from '@scones/executor';
import { serializeHandlerFromEnvironment } from '@scones/serialize/lambda';
import { thresholdHandlerFromEnvironment } from '@scones/threshold/lambda';

/** The function names the local state machine uses for the three steps. */
export const LOCAL_FUNCTION_NAMES = {
  serialize: 'scones-serialize',
  classify: 'scones-classify',
  threshold: 'scones-threshold',
} as const;

/**
 * The real Lambda handlers of the three step packages, each built from this stack's own
 * environment (its endpoints, credentials and settings) as Lambda would build it from the
 * function's: `process.env` is neither read nor written, so stacks in one process stay apart.
 *
 * @example
 * const lambdas = stepHandlers({ ...awsEnvironment(endpoints), ENDPOINT_NAME: 'scones-classifier' });
 */
export function stepHandlers(env: Environment): Record<string, LambdaHandler> {
  return {
    [LOCAL_FUNCTION_NAMES.serialize]: serializeHandlerFromEnvironment(env),
    [LOCAL_FUNCTION_NAMES.classify]: classifyHandlerFromEnvironment(env),
    [LOCAL_FUNCTION_NAMES.threshold]: thresholdHandlerFromEnvironment(env),
  };
}
