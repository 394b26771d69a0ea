import { RETRYABLE_ERROR_NAMES, type SconesErrorName } from '@scones/contracts';

/** The image cannot be used: nothing downstream can fix it. */
export const IMAGE_ERRORS: readonly SconesErrorName[] = [
  'InvalidEventError',
  'ImageNotFoundError',
  'ImageAccessDeniedError',
  'UnsupportedImageError',
  'ImageTooLargeError',
];

/** The endpoint failed or answered nonsense (the retryable ones after their retries). */
export const ENDPOINT_ERRORS: readonly SconesErrorName[] = [
  'EndpointModelError',
  ...RETRYABLE_ERROR_NAMES,
  'InvalidInferenceError',
];

export const BELOW_THRESHOLD_ERROR: SconesErrorName = 'ThresholdConfidenceNotMetError';
