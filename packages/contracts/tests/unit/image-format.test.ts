import { UnsupportedImageError, detectImageFormat } from '../../src/index.js';
import { makeJpeg, makePng } from '../../../../tools/testing/images';

describe('detectImageFormat', () => {
  it('recognises a PNG and reads its size', async () => {
    const png = await makePng({ width: 40, height: 30 });
    expect(detectImageFormat(png)).toEqual({ contentType: 'image/png', width: 40, height: 30 });
  });

  it('recognises a JPEG and reads its size', async () => {
    const jpeg = await makeJpeg({ width: 64, height: 48 });
    expect(detectImageFormat(jpeg)).toEqual({ contentType: 'image/jpeg', width: 64, height: 48 });
  });

  it('works on a view into a larger buffer', async () => {
    const png = await makePng({ width: 5, height: 7 });
    const padded = new Uint8Array(png.length + 10);
    padded.set(png, 10);
    expect(detectImageFormat(padded.subarray(10))).toMatchObject({ width: 5, height: 7 });
  });

  it.each([
    [
      'a text file',
      Buffer.from('hello, this is not an image\n'),
      /Not a PNG or JPEG.*68 65 6c 6c 6f/,
    ],
    ['an empty file', Buffer.alloc(0), /\(empty\)/],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), /Not a PNG or JPEG/],
  ])('rejects %s', (_case, bytes, message) => {
    expect(() => detectImageFormat(bytes)).toThrow(UnsupportedImageError);
    expect(() => detectImageFormat(bytes)).toThrow(message);
  });

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
  expect(() => detectImageFormat(Buffer.from('text'), 's3://b/k.png')).toThrow(
    /^s3:\/\/b\/k.png: Not a PNG or JPEG/,
  );
});
