import sharp from 'sharp';
import { ImageDecodeError, softmax, toInputTensor, type ModelMetadata } from '../../src/index.js';
import {
  makeJpeg,
  makeJpegDeclaring,
  makePng,
  makePngBomb,
} from '../../../../tools/testing/images';

const input: ModelMetadata['input'] = {
  name: 'image',
  layout: 'NCHW',
  width: 32,
  height: 32,
  channels: 3,
  scale: 255,
  mean: [0.5, 0.4, 0.3],
  std: [0.25, 0.2, 0.1],
};

describe('toInputTensor', () => {
  it('normalises each channel as training did, channel-planar', async () => {
    const tensor = await toInputTensor(await makePng({ color: { r: 255, g: 102, b: 0 } }), input);
    expect(tensor).toHaveLength(3 * 32 * 32);
    expect(tensor[0]).toBeCloseTo((1 - 0.5) / 0.25, 5);
    expect(tensor[32 * 32]).toBeCloseTo((102 / 255 - 0.4) / 0.2, 5);
    expect(tensor[2 * 32 * 32 + 100]).toBeCloseTo((0 - 0.3) / 0.1, 5);
  });

  it('keeps every pixel of an image already at the input size', async () => {
    const raw = Buffer.alloc(32 * 32 * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 7) % 256;
    const png = await sharp(raw, { raw: { width: 32, height: 32, channels: 3 } })
      .png()
      .toBuffer();
    const tensor = await toInputTensor(png, { ...input, mean: [0, 0, 0], std: [1, 1, 1] });
    for (const pixel of [0, 1, 500, 1023]) {
      for (let c = 0; c < 3; c++)
        expect(tensor[c * 1024 + pixel]).toBeCloseTo(raw[pixel * 3 + c] / 255, 6);
    }
  });

  it('resizes a large JPEG and ignores an alpha channel', async () => {
    await expect(
      toInputTensor(await makeJpeg({ width: 640, height: 480 }), input),
    ).resolves.toHaveLength(3072);
    const rgba = await sharp({
      create: { width: 50, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    await expect(toInputTensor(rgba, input)).resolves.toHaveLength(3072);
  });

  // A current phone camera's 48 megapixels: decoded at 1/8 scale (shrink-on-load), not refused.
  it('classifies a full-size baseline JPEG of 48 megapixels', async () => {
    const photo = await makeJpeg({ width: 8000, height: 6000, quality: 85 });
    await expect(toInputTensor(photo, input)).resolves.toHaveLength(3072);
  });

  it('refuses, from the header, what would decode to more than 40 megapixels', async () => {
    const progressive = await makeJpegDeclaring(8000, 6000, { progressive: true });
    await expect(toInputTensor(progressive, input)).rejects.toThrow(
      'The image declares 8000x6000 pixels; decoded at full size at most 40000000 are accepted.',
    );
    await expect(toInputTensor(await makeJpegDeclaring(65_535, 65_535), input)).rejects.toThrow(
      ImageDecodeError,
    );
    await expect(toInputTensor(makePngBomb(), input)).rejects.toThrow(
      'The image declares 100000x100000 pixels',
    );
  });

  it('turns undecodable bytes into ImageDecodeError', async () => {
    await expect(toInputTensor(Buffer.from('not an image at all'), input)).rejects.toThrow(
      ImageDecodeError,
    );
    const truncated = (await makePng({ width: 64, height: 64 })).subarray(0, 60);
    await expect(toInputTensor(truncated, input)).rejects.toThrow(ImageDecodeError);
  });
});

describe('softmax', () => {
  it('gives probabilities that sum to 1, in the order of the logits', () => {
    const [a, b] = softmax([2, 0]);
    expect(a + b).toBeCloseTo(1, 10);
    expect(a).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1), 10);
  });

  it('stays finite for large logits', () => {
    expect(softmax([1000, 999])).toEqual([expect.closeTo(0.731, 3), expect.closeTo(0.269, 3)]);
  });
});
