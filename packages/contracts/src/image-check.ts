import { ImageTooLargeError } from './errors.js';
import { detectImageFormat, type ImageFormat } from './image-format.js';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './limits.js';
import { describeImage, imageTooLarge, type ObjectLocation } from './object-reader.js';

/** How large an image a step accepts. */
export interface ImageLimits {
  /** Default 6 MiB (MAX_IMAGE_BYTES). */
  maxBytes?: number;
  /** Default 40 megapixels (MAX_IMAGE_PIXELS), read from the header. */
  maxPixels?: number;
}

/**
 * The checks every step that reads an image makes before using it: at most `maxBytes`, a PNG or
 * JPEG by its bytes, and a header declaring at most `maxPixels` (a decompression bomb is refused
 * before anything decodes it).
 *
 * @throws ImageTooLargeError, UnsupportedImageError, naming the object.
 * @example
 * const { contentType } = checkImage(bytes, { bucket: 'scones-images', key: 'test/bicycle.png' });
 */
export function checkImage(
  bytes: Uint8Array,
  location: ObjectLocation | undefined,
  limits: ImageLimits = {},
): ImageFormat {
  const maxBytes = limits.maxBytes ?? MAX_IMAGE_BYTES;
  if (bytes.length > maxBytes) throw imageTooLarge(location, bytes.length, maxBytes);
  const format = detectImageFormat(bytes, describeImage(location));
  const maxPixels = limits.maxPixels ?? MAX_IMAGE_PIXELS;
  const pixels = format.width * format.height;
  if (pixels > maxPixels) {
    throw new ImageTooLargeError(
      `${describeImage(location)} declares a ${format.width}x${format.height} image (${pixels} pixels); ` +
        `the limit is ${maxPixels} pixels. Resize the image before uploading it.`,
    );
  }
  return format;
}
