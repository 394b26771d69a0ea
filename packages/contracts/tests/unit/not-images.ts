// Files people upload instead of a PNG or JPEG, with the bytes those formats really start with:
// encoded by libvips (through sharp) where it writes the format, copied from the format's
// specification or from real files where it does not (HEIC, HEIF, BMP, PDF).
import sharp from 'sharp';

const bytes = (...parts: (string | number[] | Uint8Array)[]): Uint8Array =>
  new Uint8Array(
    Buffer.concat(
      parts.map((part) =>
        typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
      ),
    ),
  );

const uint32 = (value: number) => [
  value >>> 24,
  (value >>> 16) & 0xff,
  (value >>> 8) & 0xff,
  value & 0xff,
];

/** An ISO base media `ftyp` box: major brand, minor version 0, compatible brands. */
export function ftyp(major: string, ...compatible: string[]): Uint8Array {
  return bytes(uint32(16 + 4 * compatible.length), 'ftyp', major, uint32(0), ...compatible);
}

/** What an iPhone photo starts with: `ftyp` major brand heic, compatible mif1 and heic, then `meta`. */
export const IPHONE_HEIC = bytes(ftyp('heic', 'mif1', 'heic'), uint32(0xf6d), 'meta', uint32(0));

/** A HEIF whose brands name only the container (mif1, miaf), as JPEG-in-HEIF writers do. */
export const PLAIN_HEIF = bytes(ftyp('mif1', 'mif1', 'miaf'), uint32(0x100), 'meta', uint32(0));

/** A complete 1x1 24-bit BMP: BITMAPFILEHEADER, BITMAPINFOHEADER, one padded pixel row. */
export function bmp(): Uint8Array {
  const file = Buffer.alloc(14 + 40 + 4);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2); // file size
  file.writeUInt32LE(0, 6); // reserved
  file.writeUInt32LE(54, 10); // pixel data offset
  file.writeUInt32LE(40, 14); // BITMAPINFOHEADER size
  file.writeInt32LE(1, 18); // width
  file.writeInt32LE(1, 22); // height
  file.writeUInt16LE(1, 26); // planes
  file.writeUInt16LE(24, 28); // bits per pixel
  file.writeUInt32LE(4, 34); // image size
  file.set([0x28, 0x28, 0xc8, 0x00], 54); // one red pixel (BGR) and row padding
  return file;
}

/** The first line and the binary comment line PDF writers put at the top of a PDF. */
export const PDF = bytes('%PDF-1.7\n', [0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a], '1 0 obj\n');

const picture = () =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: { r: 200, g: 40, b: 40 } } });

/** Real WebP, GIF, TIFF and AVIF files of a 4x4 picture. */
export async function encodedByLibvips() {
  return {
    webp: new Uint8Array(await picture().webp().toBuffer()),
    gif: new Uint8Array(await picture().gif().toBuffer()),
    tiff: new Uint8Array(await picture().tiff().toBuffer()),
    avif: new Uint8Array(await picture().avif().toBuffer()),
  };
}
