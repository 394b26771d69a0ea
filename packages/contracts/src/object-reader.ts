import { credentialsRefused } from './aws-credentials.js';
import {
  ImageAccessDeniedError,
  ImageNotFoundError,
  ImageTooLargeError,
  SconesError,
  StorageUnavailableError,
} from './errors.js';

/** Where an object lives in S3. */
export interface ObjectLocation {
  bucket: string;
  key: string;
}

/** A request to read a whole object, refusing objects larger than `maxBytes`. */
export interface ReadObjectRequest extends ObjectLocation {
  maxBytes: number;
}

/**
 * The port through which a step reads an image. An implementation returns the object's bytes,
 * throws {@link ImageTooLargeError} when it is larger than `maxBytes` (ideally before
 * downloading it), and the named not-found / access-denied errors (see {@link toObjectReadError}).
 *
 * @example
 * const inMemory: ObjectReader = async ({ key }) => images.get(key)!;
 */
export type ObjectReader = (request: ReadObjectRequest) => Promise<Uint8Array>;

/** `s3://bucket/key`, for messages. */
export function formatS3Uri({ bucket, key }: ObjectLocation): string {
  return `s3://${bucket}/${key}`;
}

/**
 * The error for an object larger than the limit.
 *
 * @example
 * if (size > maxBytes) throw imageTooLarge({ bucket, key }, size, maxBytes);
 */
export function imageTooLarge(
  location: ObjectLocation,
  size: number,
  maxBytes: number,
): ImageTooLargeError {
  return new ImageTooLargeError(
    `${formatS3Uri(location)} is ${size} bytes; the limit is ${maxBytes} bytes ` +
      '(SageMaker real-time endpoints take at most 6 MB). Resize the image before uploading it.',
  );
}

/**
 * The part of S3's GetObject that reading an image needs. The AWS SDK fits as
 * `(input) => s3.send(new GetObjectCommand(input))`; this package never imports the SDK itself.
 */
export type GetObject = (input: { Bucket: string; Key: string }) => Promise<{
  ContentLength?: number;
  Body?: { transformToByteArray(): Promise<Uint8Array>; destroy?(): void };
}>;

/**
 * Builds an {@link ObjectReader} on S3's GetObject: refuses an object larger than the limit
 * from its Content-Length, before downloading it, and names the not-found and access-denied errors.
 *
 * @example
 * const s3 = new S3Client({});
 * const readObject = objectReaderFromGetObject((input) => s3.send(new GetObjectCommand(input)));
 */
export function objectReaderFromGetObject(getObject: GetObject): ObjectReader {
  return async ({ bucket, key, maxBytes }) => {
    const location = { bucket, key };
    try {
      const { ContentLength: size, Body: body } = await getObject({ Bucket: bucket, Key: key });
      if (size !== undefined && size > maxBytes) {
        body?.destroy?.();
        throw imageTooLarge(location, size, maxBytes);
      }
      return body ? await body.transformToByteArray() : new Uint8Array(0);
    } catch (error) {
      throw toObjectReadError(error, location);
    }
  };
}

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
