import { ImageTooLargeError } from './errors.js';

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
 * downloading it), and the named not-found / access-denied errors (`@scones/s3-reader`'s
 * `toObjectReadError` names an S3 client's).
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
 * An image, for messages: its S3 URI, or the inline image when a neighbour sent only `image_data`.
 *
 * @example
 * describeImage(undefined); // 'the image in image_data'
 */
export function describeImage(location: ObjectLocation | undefined): string {
  return location ? formatS3Uri(location) : 'the image in image_data';
}

/**
 * Where a payload's image is, when it says.
 *
 * @example
 * locationOf({ s3_bucket: 'b', s3_key: 'k.png' }); // { bucket: 'b', key: 'k.png' }
 */
export function locationOf(payload: {
  s3_bucket?: string;
  s3_key?: string;
}): ObjectLocation | undefined {
  return payload.s3_bucket && payload.s3_key
    ? { bucket: payload.s3_bucket, key: payload.s3_key }
    : undefined;
}

/**
 * The error for an object larger than the limit.
 *
 * @example
 * if (size > maxBytes) throw imageTooLarge({ bucket, key }, size, maxBytes);
 */
export function imageTooLarge(
  location: ObjectLocation | undefined,
  size: number,
  maxBytes: number,
): ImageTooLargeError {
  return new ImageTooLargeError(
    `${describeImage(location)} is ${size} bytes; the limit is ${maxBytes} bytes ` +
      '(SageMaker real-time endpoints take at most 6 MB). Resize the image before uploading it.',
  );
}
