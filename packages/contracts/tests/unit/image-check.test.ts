import {
  ImageTooLargeError,
  UnsupportedImageError,
  checkImage,
  mostProbable,
} from '../../src/index.js';
import { makeJpegDeclaring, makePng, makePngBomb } from '../../../../tools/testing/images';

const location = { bucket: 'scones-images', key: 'test/a.png' };

describe('checkImage', () => {
  it('returns the format of an image within the limits', async () => {
    expect(checkImage(await makePng({ width: 20, height: 10 }), location)).toEqual({
      contentType: 'image/png',
      width: 20,
      height: 10,
      shrinkOnLoad: false,
    });
  });

  it('refuses too many bytes, then anything not an image, then too many pixels, naming the object', async () => {
    expect(() => checkImage(new Uint8Array(11), location, { maxBytes: 10 })).toThrow(
      ImageTooLargeError,
    );
    expect(() => checkImage(Buffer.from('text'), location)).toThrow(UnsupportedImageError);
    expect(() => checkImage(makePngBomb(10_000, 10_000), location)).toThrow(
      's3://scones-images/test/a.png declares a 10000x10000 image (100000000 pixels); ' +
        'a PNG decodes at full size, and the limit is 40000000 pixels.',
    );
    expect(checkImage(makePngBomb(100, 100), location, { maxPixels: 10_000 }).width).toBe(100);
  });
});

describe('checkImage on full-size phone photos', () => {
  it.each([
    [12, 4000, 3000],
    [48, 8000, 6000],
    [108, 12000, 9000],
  ])(
    'takes a baseline JPEG of %i megapixels: it decodes at 1/8 scale',
    async (_mp, width, height) => {
      expect(checkImage(await makeJpegDeclaring(width, height), location)).toMatchObject({
        width,
        height,
        shrinkOnLoad: true,
      });
    },
  );

  it('refuses what even 1/8 scale leaves over the limit, and what decodes at full size', async () => {
    const tooLarge = await makeJpegDeclaring(65_535, 65_535);
    expect(() => checkImage(tooLarge, location)).toThrow(
      'a baseline JPEG decodes at 1/8 scale, and even so the limit is 2560000000 pixels.',
    );
    const progressive = await makeJpegDeclaring(8000, 6000, { progressive: true });
    expect(() => checkImage(progressive, location)).toThrow(ImageTooLargeError);
    expect(() => checkImage(progressive, location)).toThrow(
      'a progressive JPEG decodes at full size (a baseline one at 1/8 scale), and the limit is 40000000 pixels.',
    );
    expect(() => checkImage(makePngBomb(8000, 6000), location)).toThrow(ImageTooLargeError);
  });
});

describe('mostProbable', () => {
  it('finds the most probable class, the first one on a tie', () => {
    expect(mostProbable([0.03, 0.97])).toEqual({ index: 1, probability: 0.97 });
    expect(mostProbable([0.5, 0.5])).toEqual({ index: 0, probability: 0.5 });
  });
});
