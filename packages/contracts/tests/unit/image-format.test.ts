import { UnsupportedImageError, detectImageFormat } from '../../src/index.js';
import { makeJpeg, makePng } from '../../../../tools/testing/images';
import { IPHONE_HEIC, PDF, PLAIN_HEIF, bmp, encodedByLibvips } from './not-images';

describe('detectImageFormat', () => {
  it('recognises a PNG and reads its size', async () => {
    const png = await makePng({ width: 40, height: 30 });
    expect(detectImageFormat(png)).toEqual({
      contentType: 'image/png',
      width: 40,
      height: 30,
      shrinkOnLoad: false,
    });
  });

  it('tells a progressive JPEG, which decodes at full size, from a baseline one', async () => {
    const jpeg = await makeJpeg({ width: 64, height: 48, progressive: true });
    expect(detectImageFormat(jpeg)).toMatchObject({ width: 64, height: 48, shrinkOnLoad: false });
  });

  it('recognises a JPEG and reads its size', async () => {
    const jpeg = await makeJpeg({ width: 64, height: 48 });
    expect(detectImageFormat(jpeg)).toEqual({
      contentType: 'image/jpeg',
      width: 64,
      height: 48,
      shrinkOnLoad: true,
    });
  });

  it('works on a view into a larger buffer', async () => {
    const png = await makePng({ width: 5, height: 7 });
    const padded = new Uint8Array(png.length + 10);
    padded.set(png, 10);
    expect(detectImageFormat(padded.subarray(10))).toMatchObject({ width: 5, height: 7 });
  });

  it.each([
    [
      'an iPhone photo',
      IPHONE_HEIC,
      "Not a PNG or JPEG image but HEIC (the iPhone camera's default format): convert it to JPEG or PNG first, " +
        'or set the iPhone to take JPEG photos (Settings > Camera > Formats > Most Compatible).',
    ],
    ['a HEIF', PLAIN_HEIF, 'Not a PNG or JPEG image but HEIF: convert it to JPEG or PNG first.'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'but GIF: convert it'],
    ['a BMP', bmp(), 'but BMP: convert it'],
    ['a PDF', PDF, 'but a PDF document: upload the photo itself as a JPEG or PNG file.'],
    [
      'a text file',
      Buffer.from('hello, this is not an image\n'),
      'Not a PNG or JPEG image but text (it starts "hello, this is not an image\\n"): upload the photo itself',
    ],
    [
      'a long text file',
      Buffer.from(`<!DOCTYPE html>\n<html><head><title>Sign in</title>${'x'.repeat(500)}`),
      'but text (it starts "<!DOCTYPE html>\\n<html><head><title>Sign..."):',
    ],
    [
      'an empty file',
      Buffer.alloc(0),
      'Not a PNG or JPEG image but an empty file (0 bytes): the upload wrote nothing, upload the photo again.',
    ],
    [
      'bytes of no known format',
      Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff, 0x10, 0x20, 0x30]),
      'Not a PNG or JPEG image: the first bytes are 00 01 02 03 fe ff 10 20. Upload a PNG or JPEG file',
    ],
  ])('rejects %s, naming what it is', (_case, bytes, message) => {
    expect(() => detectImageFormat(bytes)).toThrow(UnsupportedImageError);
    expect(() => detectImageFormat(bytes)).toThrow(message);
  });

  it.each(['webp', 'tiff', 'avif'] as const)(
    'rejects a %s written by libvips, naming it',
    async (format) => {
      const file = (await encodedByLibvips())[format];
      const name = { webp: 'WebP', tiff: 'TIFF', avif: 'AVIF' }[format];
      expect(() => detectImageFormat(file)).toThrow(
        `Not a PNG or JPEG image but ${name}: convert it to JPEG or PNG first.`,
      );
    },
  );

  it('rejects a truncated PNG header', async () => {
    const png = await makePng();
    expect(() => detectImageFormat(png.subarray(0, 20))).toThrow(/Truncated or corrupt PNG/);
  });

  it('rejects a PNG that declares zero width', async () => {
    const png = Buffer.from(await makePng());
    png.writeUInt32BE(0, 16);
    expect(() => detectImageFormat(png)).toThrow(/declares a 0x32 image/);
  });

  it('rejects a JPEG cut before its frame header', async () => {
    const jpeg = await makeJpeg();
    expect(() => detectImageFormat(jpeg.subarray(0, 6))).toThrow(/Truncated or corrupt JPEG/);
  });
});

it('starts the message with the source when one is given', () => {
  expect(() => detectImageFormat(IPHONE_HEIC, 's3://b/k.png')).toThrow(
    /^s3:\/\/b\/k.png: Not a PNG or JPEG image but HEIC/,
  );
});
