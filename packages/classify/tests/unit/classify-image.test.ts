import {
  ImageTooLargeError,
  InvalidEventError,
  UnsupportedImageError,
  type ObjectReader,
} from '@scones/contracts';
import { classifyImage, type EndpointInvoker } from '../../src/index.js';
import { makeJpeg, makePng, makePngBomb } from '../../../../tools/testing/images';

const location = { s3_bucket: 'scones-images', s3_key: 'test/bicycle.png' };
const answering = (answer: string) =>
  jest.fn<ReturnType<EndpointInvoker>, Parameters<EndpointInvoker>>(async () => answer);

describe('classifyImage', () => {
  it('sends an inlined PNG with its media type and adds inferences, label and confidence', async () => {
    const png = await makePng();
    const invokeEndpoint = answering('[0.96, 0.04]');
    const body = await classifyImage(
      { ...location, image_data: png.toString('base64') },
      { invokeEndpoint },
    );
    expect(invokeEndpoint).toHaveBeenCalledWith({ body: png, contentType: 'image/png' });
    expect(body).toMatchObject({ inferences: [0.96, 0.04], label: 'bicycle', confidence: 0.96 });
  });

  it('sends a JPEG as image/jpeg whatever its key says', async () => {
    const invokeEndpoint = answering('[0.1, 0.9]');
    await classifyImage(
      { ...location, image_data: (await makeJpeg()).toString('base64') },
      { invokeEndpoint },
    );
    expect(invokeEndpoint.mock.calls[0][0].contentType).toBe('image/jpeg');
  });

  it('reads the image from S3 when serialize left it there', async () => {
    const png = await makePng();
    const readObject = jest.fn<ReturnType<ObjectReader>, Parameters<ObjectReader>>(async () => png);
    const body = await classifyImage(
      { ...location, image_data: '' },
      { invokeEndpoint: answering('[0.2, 0.8]'), readObject },
    );
    expect(readObject).toHaveBeenCalledWith({
      bucket: 'scones-images',
      key: 'test/bicycle.png',
      maxBytes: 6 * 1024 * 1024,
    });
    expect(body.label).toBe('motorcycle');
  });

  it('keeps every key it received', async () => {
    const payload = {
      ...location,
      image_data: (await makePng()).toString('base64'),
      delivery_id: 'd-7',
      image_size: 99,
    };
    const body = await classifyImage(payload, { invokeEndpoint: answering('[0.5, 0.5]') });
    expect(body).toMatchObject({
      delivery_id: 'd-7',
      image_size: 99,
      image_data: payload.image_data,
    });
  });

  it('uses the configured labels', async () => {
    const body = await classifyImage(
      { ...location, image_data: (await makePng()).toString('base64') },
      { invokeEndpoint: answering('[0.1, 0.2, 0.7]'), labels: ['bike', 'motorbike', 'scooter'] },
    );
    expect(body.label).toBe('scooter');
  });

  it('rejects image_data that is not base64 without calling the endpoint', async () => {
    const invokeEndpoint = answering('[1, 0]');
    await expect(
      classifyImage({ ...location, image_data: 'not base64!' }, { invokeEndpoint }),
    ).rejects.toThrow(InvalidEventError);
    expect(invokeEndpoint).not.toHaveBeenCalled();
  });

  it('rejects inlined bytes that are not an image', async () => {
    const text = Buffer.from('hello world!').toString('base64');
    await expect(
      classifyImage({ ...location, image_data: text }, { invokeEndpoint: answering('[1, 0]') }),
    ).rejects.toThrow(UnsupportedImageError);
  });

  it('refuses inlined data over the maximum before decoding it', async () => {
    const big = 'A'.repeat(2000);
    await expect(
      classifyImage(
        { ...location, image_data: big },
        { invokeEndpoint: answering('[1, 0]'), maxImageBytes: 1000 },
      ),
    ).rejects.toThrow(ImageTooLargeError);
  });

  it('refuses 64 MB of image_data at the default 6 MiB limit, from its length', async () => {
    const invokeEndpoint = answering('[1, 0]');
    const huge = 'A'.repeat(64 * 1024 * 1024);
    await expect(
      classifyImage({ ...location, image_data: huge }, { invokeEndpoint }),
    ).rejects.toThrow(ImageTooLargeError);
    expect(invokeEndpoint).not.toHaveBeenCalled();
  });

  it('says so when the image is in S3 but no reader was given', async () => {
    await expect(
      classifyImage({ ...location, image_data: '' }, { invokeEndpoint: answering('[1, 0]') }),
    ).rejects.toThrow(/image_data is empty/);
  });
});

it('refuses an inlined decompression bomb without calling the endpoint', async () => {
  const invokeEndpoint = answering('[1, 0]');
  const bomb = makePngBomb(50_000, 50_000).toString('base64');
  await expect(
    classifyImage({ ...location, image_data: bomb }, { invokeEndpoint }),
  ).rejects.toThrow(/declares a 50000x50000 image/);
  expect(invokeEndpoint).not.toHaveBeenCalled();
});
