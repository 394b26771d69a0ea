import {
  ImageAccessDeniedError,
  ImageNotFoundError,
  SconesError,
  StorageUnavailableError,
  credentialsRefused,
  formatS3Uri,
  type ObjectLocation,
} from '@scones/contracts';

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);
const ACCESS_DENIED = new Set(['AccessDenied', 'Forbidden', 'AllAccessDisabled']);
// S3's own transient answers, and what Node and the SDK call a connection that failed or stalled.
const TRANSIENT = new Set([
  'SlowDown',
  'InternalError',
  'ServiceUnavailable',
  'RequestTimeout',
  'TimeoutError',
  'IncompleteBodyError',
]);
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/**
 * Whether an error from an S3 client is one the same request may not meet again: throttling,
 * a 5xx answer, a connection that failed or stalled.
 *
 * @example
 * isTransientStorageError(Object.assign(new Error('busy'), { name: 'SlowDown' })); // true
 */
export function isTransientStorageError(error: unknown): boolean {
  if (!isErrorLike(error) || error instanceof SconesError) return false;
  const code = (error as { code?: unknown }).code;
  const status = httpStatusOf(error);
  return (
    TRANSIENT.has(error.name) ||
    (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) ||
    status === 429 ||
    (status !== undefined && status >= 500)
  );
}

/**
 * Maps an error from an S3 client (by its `name`, `code` and HTTP status, so no SDK import is
 * needed) to the workflow's named errors: not found, access denied, and the retryable
 * {@link StorageUnavailableError} for throttling, 5xx answers and failed or stalled connections.
 * Errors it does not recognise are returned unchanged.
 *
 * @example
 * try { await s3.send(new GetObjectCommand(...)) } catch (e) { throw toObjectReadError(e, location) }
 */
export function toObjectReadError(error: unknown, location: ObjectLocation): unknown {
  if (error instanceof SconesError || !isErrorLike(error)) return error;
  const refused = credentialsRefused(error, 'S3');
  if (refused) return refused;
  const status = httpStatusOf(error);
  const uri = formatS3Uri(location);
  if (NOT_FOUND.has(error.name) || status === 404) {
    const what = error.name === 'NoSuchBucket' ? `bucket "${location.bucket}"` : 'object';
    return new ImageNotFoundError(
      `${uri} not found: the ${what} does not exist. Check s3_bucket and s3_key.`,
      {
        cause: error,
      },
    );
  }
  if (ACCESS_DENIED.has(error.name) || status === 403) {
    return new ImageAccessDeniedError(
      `${uri} cannot be read: access denied. Grant this function s3:GetObject on the bucket.`,
      { cause: error },
    );
  }
  if (isTransientStorageError(error)) {
    const answer = status === undefined ? error.name : `HTTP ${status} ${error.name}`;
    return new StorageUnavailableError(
      `${uri} could not be read: S3 answered ${answer} (${error.message}), even after retries. ` +
        'It is worth retrying; if it persists, check S3 health and the request rate on the bucket.',
      { cause: error },
    );
  }
  return error;
}

// Duck-typed: Node's own network errors come from another realm under test runners and VMs.
function isErrorLike(value: unknown): value is Error {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).name === 'string' &&
    typeof (value as Error).message === 'string'
  );
}

function httpStatusOf(error: Error): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}
