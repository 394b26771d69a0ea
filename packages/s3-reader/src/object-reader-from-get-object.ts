import { imageTooLarge, type ObjectReader } from '@scones/contracts';
import { toObjectReadError } from './s3-errors.js';

/**
 * The part of S3's GetObject that reading an image needs. The AWS SDK fits as
 * `(input) => s3.send(new GetObjectCommand(input))`; neither this package nor `@scones/contracts` imports the SDK.
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
