import {
  InvalidEventError,
  MAX_IMAGE_BYTES,
  describeImage,
  imageTooLarge,
  locationOf,
  type ImagePayload,
  type ObjectReader,
} from '@scones/contracts';

// Standard base64, padded; what serialize (and the original Python Lambda) writes.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The image's bytes: decoded from `image_data` when serialize inlined it, otherwise read from
 * S3 (serialize leaves images over the inline limit there).
 */
export async function readImageBytes(
  payload: ImagePayload,
  readObject: ObjectReader | undefined,
  maxBytes = MAX_IMAGE_BYTES,
): Promise<Uint8Array> {
  const location = locationOf(payload);
  if (payload.image_data) {
    // Checked before decoding: base64 is 4/3 of the bytes.
    const size = Math.floor((payload.image_data.length * 3) / 4);
    if (size > maxBytes) throw imageTooLarge(location, size, maxBytes);
    if (!BASE64.test(payload.image_data)) {
      throw new InvalidEventError(
        `Invalid event: image_data for ${describeImage(location)} is not base64. ` +
          'Leave it empty to read the image from S3.',
      );
    }
    return Buffer.from(payload.image_data, 'base64');
  }
  if (!location) {
    throw new InvalidEventError(
      'Invalid event: image_data is empty and s3_bucket and s3_key do not say where the image is.',
    );
  }
  if (!readObject) {
    throw new InvalidEventError(
      `Invalid event: image_data is empty and this classifier cannot read ${describeImage(location)} from S3.`,
    );
  }
  // The size is checked again, with the format, by classifyImage (checkImage).
  return readObject({ ...location, maxBytes });
}
