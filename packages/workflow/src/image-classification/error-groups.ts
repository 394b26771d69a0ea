import { RETRYABLE_ERRORS_BY_SERVICE, type SconesErrorName } from '@scones/contracts';

/** The image cannot be used: nothing downstream can fix it. */
export const IMAGE_ERRORS: readonly SconesErrorName[] = [
  'InvalidEventError',
  'ImageNotFoundError',
  'ImageAccessDeniedError',
  'UnsupportedImageError',
  'ImageTooLargeError',
];

/** The endpoint was busy or briefly away: retried on classify. */
export const ENDPOINT_RETRYABLE_ERRORS: readonly SconesErrorName[] =
  RETRYABLE_ERRORS_BY_SERVICE.endpoint;

/** S3 was busy or briefly away: retried on the tasks that read the image. */
export const STORAGE_RETRYABLE_ERRORS: readonly SconesErrorName[] =
  RETRYABLE_ERRORS_BY_SERVICE.storage;

/** The endpoint failed or answered nonsense (the retryable ones after their retries). */
export const ENDPOINT_ERRORS: readonly SconesErrorName[] = [
  'EndpointModelError',
  ...ENDPOINT_RETRYABLE_ERRORS,
  'InvalidInferenceError',
];

export const BELOW_THRESHOLD_ERROR: SconesErrorName = 'ThresholdConfidenceNotMetError';
