import {
  ImageAccessDeniedError,
  InvalidCredentialsError,
  ImageNotFoundError,
  ImageTooLargeError,
  StorageUnavailableError,
  imageTooLarge,
} from '@scones/contracts';
import { objectReaderFromGetObject, toObjectReadError } from '../../src/index.js';

const location = { bucket: 'scones-images', key: 'test/a.png' };

function s3Error(name: string, httpStatusCode: number): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
}

describe('toObjectReadError', () => {
  it.each([
    ['NoSuchKey', 404],
    ['NotFound', 404],
    ['NoSuchBucket', 404],
  ])('maps %s to ImageNotFoundError naming the object', (name, status) => {
    const error = toObjectReadError(s3Error(name, status), location);
    expect(error).toBeInstanceOf(ImageNotFoundError);
    expect((error as Error).message).toContain('s3://scones-images/test/a.png');
  });

  it('maps AccessDenied to ImageAccessDeniedError and says which permission is missing', () => {
    const error = toObjectReadError(s3Error('AccessDenied', 403), location);
    expect(error).toBeInstanceOf(ImageAccessDeniedError);
    expect((error as Error).message).toContain('s3:GetObject');
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html: these refuse the
  // caller's credentials, not its access to the photo.
  it.each([
    ['InvalidAccessKeyId', 403],
    ['SignatureDoesNotMatch', 403],
    ['ExpiredToken', 400],
  ])('maps %s to InvalidCredentialsError, a configuration error, not retried', (name, status) => {
    const error = toObjectReadError(s3Error(name, status), location);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toMatch(
      /^S3 refused this function's credentials .* not the photo/,
    );
  });

  it.each([
    ['S3 throttling', s3Error('SlowDown', 503)],
    ['an S3 internal error', s3Error('InternalError', 500)],
    ['a 429 whatever its name', s3Error('TooManyRequests', 429)],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    [
      'a stalled request',
      Object.assign(new Error('no answer in 5000 ms'), { name: 'TimeoutError' }),
    ],
  ])('maps %s to the retryable StorageUnavailableError', (_case, cause) => {
    const error = toObjectReadError(cause, location);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(error).toMatchObject({ retryable: true, cause });
    expect((error as Error).message).toContain('s3://scones-images/test/a.png');
  });

  it('leaves other errors alone', () => {
    const invalid = s3Error('InvalidArgument', 400);
    expect(toObjectReadError(invalid, location)).toBe(invalid);
    expect(toObjectReadError('weird', location)).toBe('weird');
  });

  it('builds the too-large error with both sizes', () => {
    const error = imageTooLarge(location, 7_340_032, 6_291_456);
    expect(error).toBeInstanceOf(ImageTooLargeError);
    expect(error.message).toMatch(/7340032 bytes; the limit is 6291456 bytes/);
  });
});

describe('objectReaderFromGetObject', () => {
  function body(bytes: Uint8Array) {
    return { transformToByteArray: async () => bytes, destroy: jest.fn() };
  }

  it('returns the bytes of an object within the limit', async () => {
    const readObject = objectReaderFromGetObject(async () => ({
      ContentLength: 3,
      Body: body(new Uint8Array([1, 2, 3])),
    }));
    await expect(readObject({ ...location, maxBytes: 3 })).resolves.toEqual(
      new Uint8Array([1, 2, 3]),
    );
  });

  it('refuses an object over the limit without reading its body', async () => {
    const tooBig = body(new Uint8Array(10));
    const readObject = objectReaderFromGetObject(async () => ({ ContentLength: 10, Body: tooBig }));
    await expect(readObject({ ...location, maxBytes: 9 })).rejects.toThrow(ImageTooLargeError);
    expect(tooBig.destroy).toHaveBeenCalled();
  });

  it('names the missing object', async () => {
    const readObject = objectReaderFromGetObject(async () => {
      throw s3Error('NoSuchKey', 404);
    });
    await expect(readObject({ ...location, maxBytes: 9 })).rejects.toThrow(ImageNotFoundError);
  });
});
