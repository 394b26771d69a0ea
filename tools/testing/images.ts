// Test images made on the fly, so the repository holds no third-party pictures.
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import sharp from 'sharp';

export interface ImageSpec {
  width?: number;
  height?: number;
  color?: { r: number; g: number; b: number };
  /** JPEG quality, 1-100. Default 80 (sharp's). */
  quality?: number;
}

function solid({ width = 32, height = 32, color = { r: 200, g: 40, b: 40 } }: ImageSpec) {
  return sharp({ create: { width, height, channels: 3, background: color } });
}

/** A solid-colour PNG. */
export async function makePng(spec: ImageSpec = {}): Promise<Buffer> {
  return solid(spec).png().toBuffer();
}

/** A solid-colour JPEG, baseline unless `progressive`. */
export async function makeJpeg(spec: ImageSpec & { progressive?: boolean } = {}): Promise<Buffer> {
  return solid(spec)
    .jpeg({ progressive: spec.progressive ?? false, quality: spec.quality ?? 80 })
    .toBuffer();
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

/**
 * A PNG put together chunk by chunk, each with a valid CRC: 8-bit samples of `colourType`
 * (0 grey, 2 RGB, 4 grey+alpha, 6 RGBA), not interlaced, `filteredRows` deflated as its data
 * whether or not they match the declared size.
 */
export function assemblePng(
  width: number,
  height: number,
  colourType: number,
  filteredRows: Buffer,
): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(filteredRows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A few hundred bytes of PNG whose header declares an enormous image: a decompression bomb. Its
 * chunks carry valid CRCs, so decoders read the header before refusing it.
 */
export function makePngBomb(width = 100_000, height = 100_000): Buffer {
  return assemblePng(width, height, 2, Buffer.alloc(1024));
}

/**
 * A small real JPEG (16x16) whose frame header is rewritten to declare `width` x `height`: what a
 * header check sees of a huge photo, or of a JPEG decompression bomb. Baseline unless
 * `progressive`.
 */
export async function makeJpegDeclaring(
  width: number,
  height: number,
  { progressive = false } = {},
): Promise<Buffer> {
  const jpeg = Buffer.from(await makeJpeg({ width: 16, height: 16, progressive }));
  for (let offset = 2; offset + 9 <= jpeg.length; offset += 2 + jpeg.readUInt16BE(offset + 2)) {
    const marker = jpeg[offset + 1] ?? 0;
    if (marker === 0xc0 || marker === 0xc2) {
      jpeg.writeUInt16BE(height, offset + 5);
      jpeg.writeUInt16BE(width, offset + 7);
      return jpeg;
    }
  }
  throw new Error('no frame header in the JPEG sharp made');
}

/** A JPEG whose header is intact and whose body is garbage: it passes a header check, not a decoder. */
export async function makeCorruptJpeg(spec: ImageSpec = {}): Promise<Buffer> {
  return Buffer.concat([(await makeJpeg(spec)).subarray(0, 200), Buffer.alloc(300, 0x55)]);
}

/** A PNG's signature and header chunk followed by random bytes. */
export async function makePngWithRandomTail(spec: ImageSpec = {}): Promise<Buffer> {
  return Buffer.concat([(await makePng(spec)).subarray(0, 33), randomBytes(500)]);
}
