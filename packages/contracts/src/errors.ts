/**
 * The named errors of the Scones workflow.
 *
 * Each class has a stable `name`: it is what Step Functions matches in `ErrorEquals` (the Lambda
 * runtime reports `error.name` as the error type), so renaming one breaks deployed state machines.
 * Messages say what went wrong and what to do about it.
 */

/** Every error name the workflow can raise, in a stable order. */
export const ERROR_NAMES = [
  'InvalidEventError',
  'InvalidConfigurationError',
  'InvalidCredentialsError',
  'ImageNotFoundError',
  'ImageAccessDeniedError',
  'UnsupportedImageError',
  'ImageTooLargeError',
  'StorageUnavailableError',
  'EndpointModelError',
  'EndpointThrottledError',
  'EndpointUnavailableError',
  'InvalidInferenceError',
  'ThresholdConfidenceNotMetError',
] as const;

export type SconesErrorName = (typeof ERROR_NAMES)[number];

/**
 * The errors worth retrying, by what was busy or briefly away: S3 (retried on the tasks that
 * read the image) or the endpoint (retried on classify). State machines build their `Retry`
 * rules from these.
 */
export const RETRYABLE_ERRORS_BY_SERVICE = {
  storage: ['StorageUnavailableError'],
  endpoint: ['EndpointThrottledError', 'EndpointUnavailableError'],
} as const satisfies Record<string, readonly SconesErrorName[]>;

/** Every error worth retrying: the same request can succeed later. */
export const RETRYABLE_ERROR_NAMES = [
  ...RETRYABLE_ERRORS_BY_SERVICE.storage,
  ...RETRYABLE_ERRORS_BY_SERVICE.endpoint,
] as const;

/** The original system's wording, kept so that existing alarms and filters still match. */
export const THRESHOLD_CONFIDENCE_NOT_MET = 'THRESHOLD_CONFIDENCE_NOT_MET';

/** The base of every named error; `retryable` follows {@link RETRYABLE_ERROR_NAMES}. */
export abstract class SconesError extends Error {
  abstract override readonly name: SconesErrorName;

  get retryable(): boolean {
    return isRetryableErrorName(this.name);
  }
}

/** The event is not a workflow payload: a required field is missing or has the wrong type. */
export class InvalidEventError extends SconesError {
  override readonly name = 'InvalidEventError';
}

/** A Lambda's environment is missing a setting or holds one that does not parse. */
export class InvalidConfigurationError extends SconesError {
  override readonly name = 'InvalidConfigurationError';
}

/**
 * AWS refused the function's credentials (an unknown access key, a bad signature, an expired
 * session token): the function is misconfigured, whatever the photo. Not retried; the workflow
 * ends it in "Step failed", not "Image rejected".
 */
export class InvalidCredentialsError extends SconesError {
  override readonly name = 'InvalidCredentialsError';
}

/** The S3 object (or its bucket) does not exist. */
export class ImageNotFoundError extends SconesError {
  override readonly name = 'ImageNotFoundError';
}

/** The S3 object exists but this function may not read it. */
export class ImageAccessDeniedError extends SconesError {
  override readonly name = 'ImageAccessDeniedError';
}

/**
 * The bytes are not a PNG or JPEG image (whatever the key's extension says). The message names
 * what they are instead (HEIC, WebP, text, an empty file...) and what to do about it.
 */
export class UnsupportedImageError extends SconesError {
  override readonly name = 'UnsupportedImageError';
}

/** The image is larger than the configured maximum. */
export class ImageTooLargeError extends SconesError {
  override readonly name = 'ImageTooLargeError';
}

/** S3 failed, throttled or did not answer in time, even after the client's own retries; retry with backoff. */
export class StorageUnavailableError extends SconesError {
  override readonly name = 'StorageUnavailableError';
}

/** The endpoint rejected the request in a way retrying will not fix (a model or validation error). */
export class EndpointModelError extends SconesError {
  override readonly name = 'EndpointModelError';
}

/** The endpoint throttled the request; retry with backoff. */
export class EndpointThrottledError extends SconesError {
  override readonly name = 'EndpointThrottledError';
}

/** The endpoint failed or could not be reached; retry with backoff. */
export class EndpointUnavailableError extends SconesError {
  override readonly name = 'EndpointUnavailableError';
}

/** The endpoint answered with something that is not one probability per class. */
export class InvalidInferenceError extends SconesError {
  override readonly name = 'InvalidInferenceError';
}

/** The most probable class is less likely than the threshold. The message starts with `THRESHOLD_CONFIDENCE_NOT_MET`. */
export class ThresholdConfidenceNotMetError extends SconesError {
  override readonly name = 'ThresholdConfidenceNotMetError';
}

/**
 * Whether an error name is one a caller should retry.
 *
 * @example
 * isRetryableErrorName('EndpointThrottledError'); // true
 */
export function isRetryableErrorName(name: string): boolean {
  return (RETRYABLE_ERROR_NAMES as readonly string[]).includes(name);
}

/**
 * Whether a value is one of the workflow's named errors.
 *
 * @example
 * try { await classify(body, deps) } catch (e) { if (isSconesError(e) && e.retryable) retryLater() }
 */
export function isSconesError(value: unknown): value is SconesError {
  return value instanceof SconesError;
}
