import sharp from 'sharp';
import type { ModelMetadata } from './metadata.js';

/** The image could not be decoded (not an image, truncated, corrupt). */
export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

/**
 * Images with more pixels than this are refused before decoding: a small compressed file can
 * declare an enormous image (a decompression bomb). 40 megapixels is a large phone photo.
 */
export const MAX_INPUT_PIXELS = 40_000_000;

/**
 * Decodes a PNG or JPEG of any size, resizes it to the model's input (centre crop to the
 * aspect ratio, as the training images are square), and normalises it exactly as training did:
 * `(pixel / scale - mean) / std` per channel, channel-planar (NCHW).
 *
 * @throws ImageDecodeError when the bytes are not a decodable image.
 */
export async function toInputTensor(
  bytes: Uint8Array,
  input: ModelMetadata['input'],
): Promise<Float32Array> {
  let pixels: Buffer;
  try {
    pixels = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .toColourspace('srgb')
      .removeAlpha()
      .resize(input.width, input.height, { fit: 'cover', kernel: 'linear' })
      .raw({ depth: 'uchar' })
      .toBuffer();
  } catch (error) {
    throw new ImageDecodeError(`Cannot decode the image: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const plane = input.width * input.height;
  const tensor = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) {
      tensor[c * plane + i] = (pixels[i * 3 + c] / input.scale - input.mean[c]) / input.std[c];
    }
  }
  return tensor;
}

/** Turns logits into probabilities that sum to 1 (numerically stable). */
export function softmax(logits: ArrayLike<number>): number[] {
  const values = Array.from(logits);
  const max = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}
