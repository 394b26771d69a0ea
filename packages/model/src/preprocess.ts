import sharp from 'sharp';
import type { ModelMetadata } from './metadata.js';
import { decodePlainPng } from './plain-png.js';

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
 * `(pixel / scale - mean) / std` per channel, channel-planar (NCHW). A plain PNG already of the
 * input's size is decoded without sharp, to the same pixels (a test compares the two).
 *
 * @throws ImageDecodeError when the bytes are not a decodable image.
 */
export async function toInputTensor(
  bytes: Uint8Array,
  input: ModelMetadata['input'],
): Promise<Float32Array> {
  const plain = decodePlainPng(bytes);
  const pixels =
    plain && plain.width === input.width && plain.height === input.height
      ? plain.rgb
      : await decodeWithSharp(bytes, input);
  return normalise(pixels, input);
}

/** The whole pipeline: orientation, colour space, alpha, resize and crop. */
export async function decodeWithSharp(
  bytes: Uint8Array,
  input: ModelMetadata['input'],
): Promise<Uint8Array> {
  try {
    return await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
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
}

// (pixel / scale - mean) / std for each channel's 256 values, worked out once per input.
const normalisedValues = new WeakMap<ModelMetadata['input'], Float32Array>();

function normalise(pixels: Uint8Array, input: ModelMetadata['input']): Float32Array {
  let table = normalisedValues.get(input);
  if (!table) {
    table = new Float32Array(3 * 256);
    for (let c = 0; c < 3; c++)
      for (let value = 0; value < 256; value++)
        table[c * 256 + value] = (value / input.scale - (input.mean[c] ?? 0)) / (input.std[c] ?? 1);
    normalisedValues.set(input, table);
  }
  const plane = input.width * input.height;
  const tensor = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c++) {
    const offset = c * 256;
    const start = c * plane;
    for (let i = 0; i < plane; i++)
      tensor[start + i] = table[offset + (pixels[i * 3 + c] as number)] as number;
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
