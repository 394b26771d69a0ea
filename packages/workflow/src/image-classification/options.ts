import type { RetryPolicy } from '../states/retry-policy.js';
import type { ReviewTarget } from '../states/review-target.js';

/** The three step Lambdas, by function name or ARN (CDK tokens and `${...}` placeholders work). */
export interface StepLambdaNames {
  serialize: string;
  classify: string;
  threshold: string;
}

/** @deprecated The old name of {@link StepLambdaNames} ("step function" means a state machine). */
export type StepFunctionNames = StepLambdaNames;

/** What happens to an image whose confidence is below the threshold. */
export type LowConfidenceHandling =
  /** The execution fails (the original behaviour). */
  | { mode: 'fail' }
  /**
   * The execution succeeds with status `below_threshold` and the caught error beside the
   * prediction: a low-confidence image is a result, not a failure (the batch default, so only
   * errors count against a Map run's tolerated failures).
   */
  | { mode: 'result' }
  /** The payload goes to a queue or topic for review and the execution succeeds with status `review`. */
  | { mode: 'review'; target: ReviewTarget };

/** Options of {@link buildImageClassificationDefinition}; only `functions` is required. */
export interface ImageClassificationOptions {
  functions: StepLambdaNames;
  /** Seconds each task attempt may take; keep them above the functions' own timeouts. */
  timeouts?: Partial<Record<keyof StepLambdaNames, number>>;
  retry?: {
    /** Retrying the Lambda service's transient errors, on every task. */
    lambdaService?: Partial<RetryPolicy>;
    /** Retrying a throttled or unavailable endpoint, on the classify task. */
    endpoint?: Partial<RetryPolicy>;
    /** Retrying S3 that throttled, failed or stalled, on the tasks that read the image. */
    storage?: Partial<RetryPolicy>;
  };
  /** Keep the base64 image in the final output. Default false: it is dropped after classify. */
  keepImageData?: boolean;
  /** Default `{ mode: 'fail' }` (the batch definition's default is `{ mode: 'result' }`). */
  lowConfidence?: LowConfidenceHandling;
  /** A limit on the whole execution, in seconds. */
  executionTimeoutSeconds?: number;
  comment?: string;
}

/** Task timeouts in seconds, when not given. */
export const DEFAULT_TASK_TIMEOUTS: Readonly<Record<keyof StepLambdaNames, number>> = {
  serialize: 30,
  classify: 60,
  threshold: 10,
};

/** Retries of the Lambda service's own transient errors. */
export const DEFAULT_LAMBDA_SERVICE_RETRY: Readonly<RetryPolicy> = {
  intervalSeconds: 1,
  maxAttempts: 3,
  backoffRate: 2,
  maxDelaySeconds: 20,
  jitter: true,
};

/**
 * Retries of a throttled or unavailable endpoint (on top of the SDK's own three attempts); also
 * the default for S3 reads that failed after the reader's own three attempts.
 */
export const DEFAULT_ENDPOINT_RETRY: Readonly<RetryPolicy> = {
  intervalSeconds: 2,
  maxAttempts: 4,
  backoffRate: 2,
  maxDelaySeconds: 30,
  jitter: true,
};
