import type { LambdaHandler } from '@scones/executor';

/** The function names the local state machine uses for the three steps. */
export const LOCAL_FUNCTION_NAMES = {
  serialize: 'scones-serialize',
  classify: 'scones-classify',
  threshold: 'scones-threshold',
} as const;

/**
 * The real Lambda handlers of the three step packages. They read their configuration from the
 * environment when first loaded, so this is called after the stack has set it.
 */
export async function loadStepHandlers(): Promise<Record<string, LambdaHandler>> {
  const [serialize, classify, threshold] = await Promise.all([
    import('@scones/serialize/lambda'),
    import('@scones/classify/lambda'),
    import('@scones/threshold/lambda'),
  ]);
  return {
    [LOCAL_FUNCTION_NAMES.serialize]: serialize.handler,
    [LOCAL_FUNCTION_NAMES.classify]: classify.handler,
    [LOCAL_FUNCTION_NAMES.threshold]: threshold.handler,
  };
}
