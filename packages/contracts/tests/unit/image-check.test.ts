import {
  ImageTooLargeError,
  UnsupportedImageError,
  checkImage,
  mostProbable,
} from '../../src/index.js';
import { makePng, makePngBomb } from '../../../../tools/testing/images';

const location = { bucket: 'scones-images', key: 'test/a.png' };

describe('checkImage', () => {
  it('returns the format of an image within the limits', async () => {
    expect(checkImage(await makePng({ width: 20, height: 10 }), location)).toEqual({
      contentType: 'image/png',
      width: 20,
      height: 10,
    });
  });

  it('refuses too many bytes, then anything not an image, then too many pixels, naming the object', async () => {
    expect(() => checkImage(new Uint8Array(11), location, { maxBytes: 10 })).toThrow(
      ImageTooLargeError,
    );
    expect(() => checkImage(Buffer.from('text'), location)).toThrow(UnsupportedImageError);
    expect(() => checkImage(makePngBomb(10_000, 10_000), location)).toThrow(
      's3://scones-images/test/a.png declares a 10000x10000 image (100000000 pixels); the limit is 40000000 pixels.',
    );
    expect(checkImage(makePngBomb(100, 100), location, { maxPixels: 10_000 }).width).toBe(100);
  });
});

describe('mostProbable', () => {
  it('finds the most probable class, the first one on a tie', () => {
    expect(mostProbable([0.03, 0.97])).toEqual({ index: 1, probability: 0.97 });
    expect(mostProbable([0.5, 0.5])).toEqual({ index: 0, probability: 0.5 });
  });
});
