import {
  ImageNotFoundError,
  ImageTooLargeError,
  UnsupportedImageError,
  type ObjectReader,
} from '@scones/contracts';
import { serializeImage } from '../../src/index.js';
import { makeJpeg, makeNoisePng, makePng, makePngBomb } from '../../../../tools/testing/images';

const payload = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png', image_data: '' };

function readerOf(bytes: Uint8Array): ObjectReader {
  return async () => bytes;
}

describe('serializeImage', () => {
  it('inlines a small PNG as base64 and records its type and size', async () => {
    const png = await makePng();
    const body = await serializeImage(payload, { readObject: readerOf(png) });
    expect(Buffer.from(body.image_data, 'base64')).toEqual(png);
    const { image_data: _inlined, ...location } = payload;
    expect(body).toMatchObject({ ...location, content_type: 'image/png', image_size: png.length });
  });

  it('recognises a JPEG by its bytes even under a .png key', async () => {
    const jpeg = await makeJpeg();
    const body = await serializeImage(payload, { readObject: readerOf(jpeg) });
    expect(body.content_type).toBe('image/jpeg');
  });

  it('refuses a payload that does not say where the photo is, naming the fields', async () => {
    await expect(
      serializeImage({ image_data: '' }, { readObject: async () => new Uint8Array(0) }),
    ).rejects.toMatchObject({
      name: 'InvalidEventError',
      message: expect.stringContaining('s3_bucket is missing; s3_key is missing'),
    });
  });

  it('keeps every key it received', async () => {
    const body = await serializeImage(
      { ...payload, delivery_id: 'd-42', inferences: [] },
      { readObject: readerOf(await makePng()) },
    );
    expect(body).toMatchObject({ delivery_id: 'd-42', inferences: [] });
  });

  it('asks the reader for the object named by the payload, with the size limit', async () => {
    const readObject = jest.fn(readerOf(await makePng()));
    await serializeImage(payload, { readObject, maxImageBytes: 1234 });
    expect(readObject).toHaveBeenCalledWith({
      bucket: 'scones-images',
      key: payload.s3_key,
      maxBytes: 1234,
    });
  });

  it('leaves an image over the inline limit in S3, by reference', async () => {
    const png = await makeNoisePng(300 * 1024);
    const body = await serializeImage(payload, { readObject: readerOf(png) });
    expect(body.image_data).toBe('');
    expect(body).toMatchObject({ content_type: 'image/png', image_size: png.length });
  });

  it('inlines up to a configurable limit, equality included', async () => {
    const png = await makePng();
    const atLimit = await serializeImage(payload, {
      readObject: readerOf(png),
      inlineImageMaxBytes: png.length,
    });
    const belowSize = await serializeImage(payload, {
      readObject: readerOf(png),
      inlineImageMaxBytes: png.length - 1,
    });
    expect(atLimit.image_data).not.toBe('');
    expect(belowSize.image_data).toBe('');
  });

  it('refuses an image over the maximum even when the reader returns it', async () => {
    const sevenMiB = new Uint8Array(7 * 1024 * 1024);
    await expect(serializeImage(payload, { readObject: readerOf(sevenMiB) })).rejects.toThrow(
      ImageTooLargeError,
    );
  });

  it('rejects a text file named .png, naming the object', async () => {
    const text = Buffer.from('this is a delivery note, not a photo');
    const attempt = serializeImage(payload, { readObject: readerOf(text) });
    await expect(attempt).rejects.toThrow(UnsupportedImageError);
    await expect(attempt).rejects.toThrow(
      's3://scones-images/test/bicycle_s_000513.png: Not a PNG or JPEG image but text ' +
        '(it starts "this is a delivery note, not a photo")',
    );
  });

  it('names an iPhone photo (HEIC) and says to convert it', async () => {
    // The first box of an iPhone photo: ftyp, major brand heic, compatible brands mif1 and heic.
    const heic = Buffer.from('000000186674797068656963000000006d69663168656963', 'hex');
    const attempt = serializeImage(payload, { readObject: readerOf(heic) });
    await expect(attempt).rejects.toThrow(UnsupportedImageError);
    await expect(attempt).rejects.toThrow(
      "s3://scones-images/test/bicycle_s_000513.png: Not a PNG or JPEG image but HEIC (the iPhone camera's " +
        'default format): convert it to JPEG or PNG first',
    );
  });

  it('rejects a truncated PNG header', async () => {
    const truncated = (await makePng()).subarray(0, 24);
    await expect(serializeImage(payload, { readObject: readerOf(truncated) })).rejects.toThrow(
      /Truncated or corrupt PNG/,
    );
  });

  it('passes on the reader’s named errors', async () => {
    const missing: ObjectReader = async () => {
      throw new ImageNotFoundError('gone');
    };
    await expect(serializeImage(payload, { readObject: missing })).rejects.toThrow(
      ImageNotFoundError,
    );
  });
});

describe('serializeImage, on hostile images', () => {
  it('refuses a decompression bomb from its header, before anything decodes it', async () => {
    const bomb = makePngBomb(100_000, 100_000);
    expect(bomb.length).toBeLessThan(1000);
    const attempt = serializeImage(payload, { readObject: readerOf(bomb) });
    await expect(attempt).rejects.toThrow(ImageTooLargeError);
    await expect(serializeImage(payload, { readObject: readerOf(bomb) })).rejects.toThrow(
      /declares a 100000x100000 image \(10000000000 pixels\); a PNG decodes at full size, and the limit is 40000000/,
    );
  });

  it('accepts an image at the pixel limit', async () => {
    const body = await serializeImage(payload, {
      readObject: readerOf(makePngBomb(200, 200)),
      maxImagePixels: 40_000,
    });
    expect(body.content_type).toBe('image/png');
  });
});
