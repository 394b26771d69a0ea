import sharp from 'sharp';
import { decodePlainPng } from '../../src/plain-png.js';
import { decodeWithSharp } from '../../src/preprocess.js';
import type { ModelMetadata } from '../../src/index.js';
import { assemblePng } from '../../../../tools/testing/images';

const input: ModelMetadata['input'] = {
  name: 'image',
  layout: 'NCHW',
  width: 32,
  height: 32,
  channels: 3,
  scale: 255,
  mean: [0, 0, 0],
  std: [1, 1, 1],
};

// A seeded generator, so a failure names an image that can be made again.
function noise(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

// Smooth gradients plus noise, as in photos: libpng's adaptive filtering then mixes filters.
function photoLike(seed: number, channels: number): Buffer {
  const random = noise(seed, 32 * 32 * channels);
  const pixels = Buffer.alloc(random.length);
  for (let i = 0; i < pixels.length; i++) {
    const x = Math.floor(i / channels) % 32;
    const y = Math.floor(i / channels / 32);
    pixels[i] = (x * 6 + y * 3 + (random[i] ?? 0) / 16) & 0xff;
  }
  return pixels;
}

// Encodes a PNG with the filter of each row chosen by the test, so every filter the
// specification names is decoded at least once (libpng's own choice covers only some).
function encodeWithFilters(pixels: Buffer, channels: number, colourType: number): Buffer {
  const stride = 32 * channels;
  const rows: Buffer[] = [];
  for (let y = 0; y < 32; y++) {
    const filter = y % 5;
    const row = Buffer.alloc(stride + 1);
    row[0] = filter;
    for (let x = 0; x < stride; x++) {
      const at = y * stride + x;
      const left = x >= channels ? (pixels[at - channels] ?? 0) : 0;
      const up = y > 0 ? (pixels[at - stride] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (pixels[at - stride - channels] ?? 0) : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      row[x + 1] = ((pixels[at] ?? 0) - predicted) & 0xff;
    }
    rows.push(row);
  }
  return assemblePng(32, 32, colourType, Buffer.concat(rows));
}

describe('decodePlainPng', () => {
  it.each([
    ['grey', 1],
    ['grey with alpha', 2],
    ['RGB', 3],
    ['RGBA', 4],
  ] as const)(
    'gives the same pixels as the sharp pipeline for %s PNGs',
    async (_kind, channels) => {
      for (let seed = 1; seed <= 8; seed++) {
        for (const adaptiveFiltering of [true, false]) {
          const png = await sharp(photoLike(seed * channels, channels), {
            raw: { width: 32, height: 32, channels },
          })
            .png({ adaptiveFiltering, compressionLevel: seed % 10 })
            .toBuffer();
          const plain = decodePlainPng(png);
          expect(plain).toMatchObject({ width: 32, height: 32 });
          expect(Buffer.from(plain!.rgb).equals(await decodeWithSharp(png, input))).toBe(true);
        }
      }
    },
  );

  it.each([
    [0, 1],
    [2, 3],
    [4, 2],
    [6, 4],
  ] as const)(
    'undoes every row filter (none, sub, up, average, Paeth) for colour type %i',
    async (colourType, channels) => {
      const png = encodeWithFilters(photoLike(11, channels), channels, colourType);
      const plain = decodePlainPng(png);
      expect(plain).toBeDefined();
      expect(Buffer.from(plain!.rgb).equals(await decodeWithSharp(png, input))).toBe(true);
    },
  );

  it('leaves to sharp what it does not decode itself', async () => {
    const rgb = photoLike(3, 3);
    const raw = { raw: { width: 32, height: 32, channels: 3 as const } };
    const palette = await sharp(rgb, raw).png({ palette: true }).toBuffer();
    const interlaced = await sharp(rgb, raw).png({ progressive: true }).toBuffer();
    const sixteenBit = await sharp(rgb, raw).toColourspace('rgb16').png().toBuffer();
    const withProfile = await sharp(rgb, raw).withIccProfile('p3').png().toBuffer();
    const jpeg = await sharp(rgb, raw).jpeg().toBuffer();
    for (const image of [palette, interlaced, sixteenBit, withProfile, jpeg])
      expect(decodePlainPng(image)).toBeUndefined();
  });

  it('leaves an image of another size than asked for to sharp, from its header', async () => {
    const png = await sharp(Buffer.alloc(64 * 64 * 3, 9), {
      raw: { width: 64, height: 64, channels: 3 },
    })
      .png()
      .toBuffer();
    expect(decodePlainPng(png)).toMatchObject({ width: 64, height: 64 });
    expect(decodePlainPng(png, { width: 32, height: 32 })).toBeUndefined();
    expect(decodePlainPng(png, { width: 64, height: 64 })?.rgb).toHaveLength(64 * 64 * 3);
  });

  it('refuses damaged files instead of guessing their pixels', async () => {
    const png = await sharp(photoLike(5, 3), { raw: { width: 32, height: 32, channels: 3 } })
      .png()
      .toBuffer();
    const flipped = Buffer.from(png);
    flipped[60] = (flipped[60] ?? 0) ^ 0xff; // inside IDAT: its CRC no longer matches
    expect(decodePlainPng(flipped)).toBeUndefined();
    expect(decodePlainPng(png.subarray(0, png.length - 12))).toBeUndefined(); // no IEND
    expect(decodePlainPng(png.subarray(0, 40))).toBeUndefined();
  });
});
