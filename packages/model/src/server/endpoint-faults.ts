import { drawFault, parseFaultShares } from './fault-shares.js';

export type EndpointFault = 'serverError' | 'throttle' | 'modelError' | 'slow';

/**
 * Faults a local endpoint injects, as shares (0 to 1) of runtime requests: what a real endpoint
 * does on a bad day. Each request draws once; the shares must add up to at most 1.
 */
export interface EndpointFaults {
  /** Answered 500 `InternalFailure` (the AWS SDK retries it). */
  serverError?: number;
  /** Answered 429 `ThrottlingException` (the AWS SDK retries it). */
  throttle?: number;
  /** Answered 400 `ModelError` (not retried: the workflow fails the image). */
  modelError?: number;
  /** Answered only after `slowMs`: past the client's timeout, if that is shorter. */
  slow?: number;
  /** How late a slow answer is. Default 2,000 ms. */
  slowMs?: number;
  /** Draws the faults; replaceable for tests. Default Math.random. */
  random?: () => number;
}

/**
 * Which fault, if any, the next request gets.
 *
 * @example
 * drawEndpointFault({ throttle: 0.2 }); // 'throttle' one time in five, otherwise undefined
 */
export function drawEndpointFault(faults: EndpointFaults): EndpointFault | undefined {
  const { serverError, throttle, modelError, slow } = faults;
  return drawFault({ serverError, throttle, modelError, slow }, faults.random);
}

/**
 * Reads a fault plan written as `500=0.1,429=0.05,model-error=0.02,slow=0.02:3000` (share, and
 * for `slow` the delay in ms): what `scones-model serve --faults` and `scones --endpoint-faults` take.
 *
 * @example
 * parseEndpointFaults('429=0.2,slow=0.1:1500'); // { throttle: 0.2, slow: 0.1, slowMs: 1500 }
 */
export function parseEndpointFaults(spec: string): EndpointFaults {
  const { shares, delayMs } = parseFaultShares<EndpointFault>(
    spec,
    { '500': 'serverError', '429': 'throttle', 'model-error': 'modelError', slow: 'slow' },
    ['slow'],
  );
  return { ...shares, ...(delayMs === undefined ? {} : { slowMs: delayMs }) };
}
