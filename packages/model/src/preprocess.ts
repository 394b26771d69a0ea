import {
  MAX_IMAGE_PIXELS,
  detectImageFormat,
  maxDeclaredPixels,
  type ImageFormat,
} from '@scones/contracts';
import sharp from 'sharp';
import type { ModelMetadata } from './metadata.js';
import { decodePlainPng } from './plain-png.js';

/** The image could not be decoded (not an image, truncated, corrupt). */
export class ImageDecodeError extends Error {
  override readonly name = 'ImageDecodeError';
}

/**
 * The most pixels an image may decode to: a PNG may declare at most this many, a baseline JPEG
 * 64 times as many, since sharp decodes it at 1/8 scale for the model's small input
 * (shrink-on-load). The same rule as the steps' (`maxDeclaredPixels` of `@scones/contracts`).
 */
export const MAX_INPUT_PIXELS = MAX_IMAGE_PIXELS;

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
  const pixels = decodePlainPng(bytes, input)?.rgb ?? (await decodeWithSharp(bytes, input));
  return normalise(pixels, input);
}

/**
 * The whole pipeline: orientation, colour space, alpha, resize and crop. A baseline JPEG is
 * decoded at the smallest of 1/2, 1/4 or 1/8 scale that still covers the model's input, so a
 * 108 megapixel photo costs memory for 1/64 of its pixels.
 */
export async function decodeWithSharp(
  bytes: Uint8Array,
  input: ModelMetadata['input'],
): Promise<Uint8Array> {
  const limitInputPixels = pixelLimit(bytes);
  try {
    return await sharp(bytes, { limitInputPixels })
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

// The most pixels sharp may read for this image, by the same rule the steps apply to its header
// (a baseline JPEG may declare 64 times as many); other formats sharp reads decode at full size.
function pixelLimit(bytes: Uint8Array): number {
  let format: ImageFormat;
  try {
    format = detectImageFormat(bytes);
  } catch {
    return MAX_INPUT_PIXELS;
  }
  const limit = maxDeclaredPixels(format, MAX_INPUT_PIXELS);
  if (format.width * format.height > limit)
    throw new ImageDecodeError(
      `The image declares ${format.width}x${format.height} pixels; ` +
        `${format.shrinkOnLoad ? 'decoded at 1/8 scale' : 'decoded at full size'} at most ${limit} are accepted.`,
    );
  return limit;
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
