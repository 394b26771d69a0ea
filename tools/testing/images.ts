// Test images made on the fly, so the repository holds no third-party pictures.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export interface ImageSpec {
  width?: number;
  height?: number;
  color?: { r: number; g: number; b: number };
}

function solid({ width = 32, height = 32, color = { r: 200, g: 40, b: 40 } }: ImageSpec) {
  return sharp({ create: { width, height, channels: 3, background: color } });
}

/** A solid-colour PNG. */
export async function makePng(spec: ImageSpec = {}): Promise<Buffer> {
  return solid(spec).png().toBuffer();
}

/** A solid-colour JPEG. */
export async function makeJpeg(spec: ImageSpec = {}): Promise<Buffer> {
  return solid(spec).jpeg().toBuffer();
}

/**
 * A PNG of random pixels, which does not compress: its size in bytes is close to
 * `width * height * 3`. Used for "large image" cases.
 */
export async function makeNoisePng(approximateBytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(approximateBytes / 3));
  const pixels = randomBytes(side * side * 3);
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}
