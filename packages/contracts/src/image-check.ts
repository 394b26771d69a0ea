import { ImageTooLargeError } from './errors.js';
import { detectImageFormat, type ImageFormat } from './image-format.js';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, SHRINK_ON_LOAD_FACTOR } from './limits.js';
import { describeImage, imageTooLarge, type ObjectLocation } from './object-reader.js';

/** How large an image a step accepts. */
export interface ImageLimits {
  /** Default 6 MiB (MAX_IMAGE_BYTES). */
  maxBytes?: number;
  /**
   * The most pixels an image may decode to. Default 40 megapixels (MAX_IMAGE_PIXELS); a baseline
   * JPEG may declare 64 times as many (see `maxDeclaredPixels`).
   */
  maxPixels?: number;
}

/**
 * The most pixels an image of this format may declare in its header, for a limit on what it may
 * decode to: a baseline JPEG is decoded at 1/8 scale (shrink-on-load), so a 48 or 108 megapixel
 * phone photo stays within the limit; a PNG or progressive JPEG decodes at full size.
 *
 * @example
 * maxDeclaredPixels({ contentType: 'image/jpeg', width: 8000, height: 6000, shrinkOnLoad: true }); // 2_560_000_000
 */
export function maxDeclaredPixels(format: ImageFormat, maxPixels = MAX_IMAGE_PIXELS): number {
  return format.shrinkOnLoad ? maxPixels * SHRINK_ON_LOAD_FACTOR : maxPixels;
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
  const maxPixels = maxDeclaredPixels(format, limits.maxPixels);
  const pixels = format.width * format.height;
  if (pixels > maxPixels) {
    const how = format.shrinkOnLoad
      ? 'a baseline JPEG decodes at 1/8 scale, and even so the limit is'
      : format.contentType === 'image/png'
        ? 'a PNG decodes at full size, and the limit is'
        : 'a progressive JPEG decodes at full size (a baseline one at 1/8 scale), and the limit is';
    throw new ImageTooLargeError(
      `${describeImage(location)} declares a ${format.width}x${format.height} image (${pixels} pixels); ` +
        `${how} ${maxPixels} pixels. Resize the image before uploading it.`,
    );
  }
  return format;
}
