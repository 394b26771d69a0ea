import zlib from 'node:zlib';

/** A decoded image: 8-bit RGB, row by row, no padding. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Colour type -> channels, for the types decoded here: grey, RGB, grey+alpha, RGBA.
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };
// Chunks that change what the pixels mean (colour profile, gamma, transparency, orientation):
// an image with one goes the whole way through sharp.
const MEANINGFUL = new Set(['PLTE', 'tRNS', 'iCCP', 'gAMA', 'cHRM', 'sBIT', 'eXIf']);

/**
 * Decodes a plain PNG (8-bit grey, RGB, grey+alpha or RGBA, not interlaced, no colour profile,
 * gamma, transparency key or orientation) to RGB, as sharp's pipeline would give it: grey
 * repeated into the three channels, alpha dropped. Anything else, and anything damaged (a bad
 * CRC, data that does not inflate), is `undefined`: the caller decodes it with sharp, which
 * names the problem. For the model's own 32x32 input this skips sharp's pipeline, which costs
 * several times the inference. With `size`, an image of another size is `undefined` from its
 * header, before anything is inflated.
 *
 * @example
 * const image = decodePlainPng(bytes, { width: 32, height: 32 }); // { width: 32, height: 32, rgb: Uint8Array(3072) } or undefined
 */
export function decodePlainPng(
  bytes: Uint8Array,
  size?: { width: number; height: number },
): RgbImage | undefined {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (png.length < 33 || !png.subarray(0, 8).equals(SIGNATURE)) return undefined;
  if (typeof zlib.crc32 !== 'function') return undefined;
  let offset = 8;
  let header: { width: number; height: number; channels: number } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > png.length) return undefined;
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (zlib.crc32(png.subarray(offset + 4, offset + 8 + length)) !== png.readUInt32BE(end - 4))
      return undefined;
    if (MEANINGFUL.has(type)) return undefined;
    if (type === 'IHDR') {
      header = readHeader(body);
      if (!header || (size && (header.width !== size.width || header.height !== size.height)))
        return undefined;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    offset = end;
  }
  if (!header || !ended || data.length === 0) return undefined;
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(data));
  } catch {
    return undefined;
  }
  const pixels = unfilter(raw, header.width, header.height, header.channels);
  return (
    pixels && { width: header.width, height: header.height, rgb: toRgb(pixels, header.channels) }
  );
}

function readHeader(body: Buffer): { width: number; height: number; channels: number } | undefined {
  if (body.length !== 13) return undefined;
  const [depth, colourType, compression, filter, interlace] = body.subarray(8, 13);
  const channels = CHANNELS[colourType ?? -1];
  if (depth !== 8 || !channels || compression !== 0 || filter !== 0 || interlace !== 0)
    return undefined;
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  if (width === 0 || height === 0 || width * height > 4096 * 4096) return undefined;
  return { width, height, channels };
}

// Undoes the per-row filters of the PNG specification (none, sub, up, average, Paeth), in
// place. One loop per filter: the server decodes every small request this way.
function unfilter(
  raw: Buffer,
  width: number,
  height: number,
  channels: number,
): Uint8Array | undefined {
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) return undefined;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    const at = y * stride;
    const above = at - stride;
    const filter = raw[row - 1];
    if (filter === 0 || (filter === 2 && y === 0)) {
      out.set(raw.subarray(row, row + stride), at);
    } else if (filter === 1) {
      for (let x = 0; x < stride; x++)
        out[at + x] =
          (raw[row + x] as number) + (x >= channels ? (out[at + x - channels] as number) : 0);
    } else if (filter === 2) {
      for (let x = 0; x < stride; x++)
        out[at + x] = (raw[row + x] as number) + (out[above + x] as number);
    } else if (filter === 3) {
      for (let x = 0; x < stride; x++) {
        const left = x >= channels ? (out[at + x - channels] as number) : 0;
        const up = y > 0 ? (out[above + x] as number) : 0;
        out[at + x] = (raw[row + x] as number) + ((left + up) >> 1);
      }
    } else if (filter === 4) {
      for (let x = 0; x < stride; x++) {
        const left = x >= channels ? (out[at + x - channels] as number) : 0;
        const up = y > 0 ? (out[above + x] as number) : 0;
        const upLeft = y > 0 && x >= channels ? (out[above + x - channels] as number) : 0;
        out[at + x] = (raw[row + x] as number) + paeth(left, up, upLeft);
      }
    } else {
      return undefined;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function toRgb(pixels: Uint8Array, channels: number): Uint8Array {
  if (channels === 3) return pixels;
  const count = pixels.length / channels;
  const rgb = new Uint8Array(count * 3);
  for (let i = 0; i < count; i++) {
    const grey = channels < 3;
    const source = i * channels;
    rgb[i * 3] = pixels[source] ?? 0;
    rgb[i * 3 + 1] = pixels[grey ? source : source + 1] ?? 0;
    rgb[i * 3 + 2] = pixels[grey ? source : source + 2] ?? 0;
  }
  return rgb;
}
