/**
 * What a file is, by its first bytes: the two formats the workflow takes (PNG, JPEG) and the
 * ones people upload instead, so that a refusal can name what it got.
 */
export type FileFormat =
  | 'png'
  | 'jpeg'
  | 'heic'
  | 'heif'
  | 'avif'
  | 'webp'
  | 'gif'
  | 'tiff'
  | 'bmp'
  | 'pdf'
  | 'text'
  | 'empty'
  | 'unknown';

// ISO base media file brands (the `ftyp` box). HEIC means HEVC-coded pictures, what iPhones save;
// mif1/msf1 only say "HEIF container", whatever the codec. AVIF is HEIF with AV1 and wins when
// both are listed (AVIF files list mif1 too).
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'heif']);

// BITMAPCOREHEADER, OS/2 2.x, BITMAPINFOHEADER and its V2..V5 successors.
const BMP_DIB_HEADER_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

// Enough of a text file to judge it, and few enough bytes to stay cheap on a large upload.
const TEXT_SAMPLE_BYTES = 1024;

/**
 * Names a file's format by its signature (never by its name). Only the first bytes are read.
 *
 * @example
 * identifyFileFormat(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])); // 'gif'
 * identifyFileFormat(new TextEncoder().encode('delivery note')); // 'text'
 * identifyFileFormat(new Uint8Array()); // 'empty'
 */
export function identifyFileFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (asciiAt(bytes, 0, 6) === 'GIF87a' || asciiAt(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (asciiAt(bytes, 0, 4) === 'RIFF' && asciiAt(bytes, 8, 4) === 'WEBP') return 'webp';
  if (asciiAt(bytes, 4, 4) === 'ftyp') {
    const format = isoMediaFormat(bytes);
    if (format) return format;
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return 'tiff';
  }
  if (isBmp(bytes)) return 'bmp';
  if (asciiAt(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (isText(bytes)) return 'text';
  return 'unknown';
}

function isoMediaFormat(bytes: Uint8Array): FileFormat | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxSize = bytes.length >= 4 ? view.getUint32(0) : 0;
  // major brand (8..12), minor version (12..16), then compatible brands to the end of the box
  const end = Math.min(boxSize, bytes.length);
  const brands = [asciiAt(bytes, 8, 4)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(asciiAt(bytes, offset, 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'heic';
  if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'heif';
  return undefined;
}

// "BM" alone starts many text files; the reserved zero bytes and a known DIB header size do not.
function isBmp(bytes: Uint8Array): boolean {
  if (bytes.length < 18 || asciiAt(bytes, 0, 2) !== 'BM') return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(6) === 0 && BMP_DIB_HEADER_SIZES.has(view.getUint32(14, true));
}

// Valid UTF-8 without control characters other than whitespace. `stream: true` lets the sample
// end in the middle of a multi-byte character.
function isText(bytes: Uint8Array): boolean {
  try {
    const sample = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(0, TEXT_SAMPLE_BYTES),
      { stream: true },
    );
    return !/[^\P{Cc}\t\n\v\f\r]/u.test(sample);
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
