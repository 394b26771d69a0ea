import type { Retrier } from '../asl/types.js';

/** How a Task retries a family of errors: exponential backoff, capped, with or without jitter. */
export interface RetryPolicy {
  /** Wait before the first retry. */
  intervalSeconds: number;
  /** Retries after the first attempt (0 turns retrying off). */
  maxAttempts: number;
  /** Multiplies the wait after each retry. */
  backoffRate: number;
  /** Caps the wait. */
  maxDelaySeconds: number;
  /** Full jitter spreads retries of many executions apart (AWS's recommendation). */
  jitter: boolean;
}

/** The transient errors of the Lambda service itself, which AWS recommends retrying. */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/**
 * The Retry rule for some errors under a policy.
 *
 * @example
 * retrier(LAMBDA_SERVICE_ERRORS, { intervalSeconds: 1, maxAttempts: 3, backoffRate: 2, maxDelaySeconds: 20, jitter: true });
 */
export function retrier(errors: readonly string[], policy: RetryPolicy): Retrier {
  return {
    ErrorEquals: [...errors],
    IntervalSeconds: policy.intervalSeconds,
    MaxAttempts: policy.maxAttempts,
    BackoffRate: policy.backoffRate,
    MaxDelaySeconds: policy.maxDelaySeconds,
    JitterStrategy: policy.jitter ? 'FULL' : 'NONE',
  };
}
