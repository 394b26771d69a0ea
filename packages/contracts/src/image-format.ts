import { UnsupportedImageError } from './errors.js';
import { identifyFileFormat, type FileFormat } from './file-format.js';
import type { ImageContentType } from './payload.js';

/** What the first bytes of an image say about it. */
export interface ImageFormat {
  contentType: ImageContentType;
  width: number;
  height: number;
  /**
   * A baseline (sequential DCT) JPEG: decoders can decode it at 1/2, 1/4 or 1/8 scale
   * (shrink-on-load), so its full size never needs to be in memory. False for PNG and for
   * progressive, lossless or arithmetic-coded JPEG, which decode at full size.
   */
  shrinkOnLoad: boolean;
}

// Signature (8) + IHDR length and type (8) + IHDR data (13) + CRC (4).
const PNG_HEADER_BYTES = 33;

/**
 * Recognises a PNG or JPEG by its bytes (never by a file name) and reads its dimensions from
 * the header, without decoding the pixels. `source` (an S3 URI, a file name) starts the
 * error message when given.
 *
 * @throws UnsupportedImageError for anything else, naming what the bytes are instead (HEIC, WebP,
 * text...), and for a truncated header.
 * @example
 * detectImageFormat(pngBytes); // { contentType: 'image/png', width: 32, height: 32 }
 * detectImageFormat(iphonePhoto); // throws "Not a PNG or JPEG image but HEIC (the iPhone ..."
 */
export function detectImageFormat(bytes: Uint8Array, source?: string): ImageFormat {
  try {
    return readHeader(bytes);
  } catch (error) {
    if (source && error instanceof UnsupportedImageError) {
      throw new UnsupportedImageError(`${source}: ${error.message}`);
    }
    throw error;
  }
}

function readHeader(bytes: Uint8Array): ImageFormat {
  const format = identifyFileFormat(bytes);
  if (format === 'png') return readPngHeader(bytes);
  if (format === 'jpeg') return readJpegHeader(bytes);
  throw new UnsupportedImageError(notAnImageMessage(format, bytes));
}

type NotAnImage = Exclude<FileFormat, 'png' | 'jpeg'>;

const CONVERT = 'convert it to JPEG or PNG first';

// What the refusal says for each format: what the bytes are, then what to do about it.
const REFUSALS: Record<Exclude<NotAnImage, 'text' | 'unknown'>, string> = {
  heic:
    "HEIC (the iPhone camera's default format): " +
    `${CONVERT}, or set the iPhone to take JPEG photos (Settings > Camera > Formats > Most Compatible)`,
  heif: `HEIF: ${CONVERT}`,
  avif: `AVIF: ${CONVERT}`,
  webp: `WebP: ${CONVERT}`,
  gif: `GIF: ${CONVERT}`,
  tiff: `TIFF: ${CONVERT}`,
  bmp: `BMP: ${CONVERT}`,
  pdf: 'a PDF document: upload the photo itself as a JPEG or PNG file',
  empty: 'an empty file (0 bytes): the upload wrote nothing, upload the photo again',
};

function notAnImageMessage(format: NotAnImage, bytes: Uint8Array): string {
  if (format === 'text') {
    return (
      `Not a PNG or JPEG image but text (it starts ${textStart(bytes)}): ` +
      'upload the photo itself as a JPEG or PNG file (the file name does not matter, the content does).'
    );
  }
  if (format === 'unknown') {
    return (
      `Not a PNG or JPEG image: the first bytes are ${hex(bytes.subarray(0, 8))}. ` +
      'Upload a PNG or JPEG file (the file name does not matter, the content does).'
    );
  }
  return `Not a PNG or JPEG image but ${REFUSALS[format]}.`;
}

// The first characters, quoted and escaped, so that an error page or a note is recognisable.
function textStart(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes.subarray(0, 160));
  const characters = Array.from(text);
  const start = characters.slice(0, 40).join('');
  return JSON.stringify(characters.length > 40 ? `${start.trimEnd()}...` : start);
}

function readPngHeader(bytes: Uint8Array): ImageFormat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isIhdr = bytes.length >= 16 && ascii(bytes.subarray(12, 16)) === 'IHDR';
  if (bytes.length < PNG_HEADER_BYTES || !isIhdr || view.getUint32(8) !== 13) {
    throw new UnsupportedImageError(
      `Truncated or corrupt PNG: the IHDR header is missing (${bytes.length} bytes in all).`,
    );
  }
  return checked('image/png', view.getUint32(16), view.getUint32(20), false);
}

// Markers that carry a frame header (SOF0..SOF15 except DHT, JPG and DAC).
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function readJpegHeader(bytes: Uint8Array): ImageFormat {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image or scan before any frame
    const length = view.getUint16(offset + 2);
    if (isStartOfFrame(marker) && offset + 9 <= bytes.length) {
      // SOF0 (baseline) and SOF1 (extended sequential, Huffman) are what libjpeg scales on load.
      const sequential = marker === 0xc0 || marker === 0xc1;
      return checked(
        'image/jpeg',
        view.getUint16(offset + 7),
        view.getUint16(offset + 5),
        sequential,
      );
    }
    offset += 2 + length;
  }
  throw new UnsupportedImageError(
    `Truncated or corrupt JPEG: no frame header found in ${bytes.length} bytes.`,
  );
}

function checked(
  contentType: ImageContentType,
  width: number,
  height: number,
  shrinkOnLoad: boolean,
): ImageFormat {
  if (width === 0 || height === 0) {
    throw new UnsupportedImageError(
      `Corrupt ${contentType} header: it declares a ${width}x${height} image.`,
    );
  }
  return { contentType, width, height, shrinkOnLoad };
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
