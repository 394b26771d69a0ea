import { InvalidCredentialsError } from './errors.js';

// The error codes with which AWS refuses credentials rather than a request: S3's
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html) and those common to the
// JSON services such as SageMaker (https://docs.aws.amazon.com/sagemaker/latest/APIReference/CommonErrors.html).
const REFUSED_CREDENTIALS = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'IncompleteSignature',
  'ExpiredTokenException',
  'MissingAuthenticationToken',
]);

/**
 * The {@link InvalidCredentialsError} for an AWS error that refuses the caller's credentials
 * (by its `name`, the service's error code), or undefined for any other error.
 *
 * @example
 * credentialsRefused(Object.assign(new Error('expired'), { name: 'ExpiredToken' }), 'S3');
 * // InvalidCredentialsError: S3 refused this function's credentials (ExpiredToken: expired). ...
 */
export function credentialsRefused(
  error: unknown,
  service: string,
): InvalidCredentialsError | undefined {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (typeof name !== 'string' || !REFUSED_CREDENTIALS.has(name)) return undefined;
  return new InvalidCredentialsError(
    `${service} refused this function's credentials (${name}: ${String(message ?? '')}). ` +
      'The function is misconfigured, not the photo: check its role, or the access key and session token in its environment.',
    { cause: error },
  );
}
