import {
  INLINE_IMAGE_MAX_BYTES,
  MAX_IMAGE_BYTES,
  checkImage,
  type ImageContentType,
  requireLocation,
  type ImagePayload,
  type LocatedImagePayload,
  type ObjectReader,
} from '@scones/contracts';

/** How serializeImage reads images and where it draws its lines. */
export interface SerializeOptions {
  /** Reads the object named by `s3_bucket` and `s3_key`. */
  readObject: ObjectReader;
  /** Larger images are refused with ImageTooLargeError. Default 6 MiB (MAX_IMAGE_BYTES). */
  maxImageBytes?: number;
  /** Images up to this size are inlined as base64; larger ones stay in S3. Default 180 KiB. */
  inlineImageMaxBytes?: number;
  /** Images declaring more pixels are refused from their header. Default 40 megapixels. */
  maxImagePixels?: number;
}

/** The payload after step 1: the image inlined as base64, or left in S3 by reference. */
export type SerializedImagePayload = LocatedImagePayload & {
  /** Base64 of the image, or '' when it is larger than the inline limit. */
  image_data: string;
  content_type: ImageContentType;
  image_size: number;
  /** `[]` until classify runs: machines that map `$.body.inferences` onward find the field. */
  inferences: number[];
};

/**
 * Step 1: reads the image, checks by its bytes that it is a PNG or JPEG, and base64-encodes it
 * into `image_data` when it is small enough to travel through Step Functions. A larger image is
 * left by reference (`image_data: ''`) for classify to read from S3.
 *
 * @throws InvalidEventError (no s3_bucket or s3_key), ImageNotFoundError, ImageAccessDeniedError
 *   (from the reader), UnsupportedImageError,
 *   ImageTooLargeError (too many bytes, or a header declaring too many pixels)
 * @example
 * const body = await serializeImage(
 *   { s3_bucket: 'scones-images', s3_key: 'test/bicycle.png', image_data: '' },
 *   { readObject: async () => pngBytes },
 * );
 * body.image_data; // 'iVBORw0KGgo...'
 */
export async function serializeImage(
  payload: ImagePayload,
  options: SerializeOptions,
): Promise<SerializedImagePayload> {
  const located = requireLocation(payload);
  const maxBytes = options.maxImageBytes ?? MAX_IMAGE_BYTES;
  const inlineMaxBytes = options.inlineImageMaxBytes ?? INLINE_IMAGE_MAX_BYTES;
  const location = { bucket: located.s3_bucket, key: located.s3_key };

  const bytes = await options.readObject({ ...location, maxBytes });
  // A reader may not know the size in advance; the limit holds either way.
  const format = checkImage(bytes, location, { maxBytes, maxPixels: options.maxImagePixels });
  const inline = bytes.length <= inlineMaxBytes;
  return {
    ...located,
    image_data: inline
      ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64')
      : '',
    content_type: format.contentType,
    image_size: bytes.length,
    inferences: payload.inferences ?? [],
  };
}
