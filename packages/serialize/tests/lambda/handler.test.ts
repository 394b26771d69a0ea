import { GetObjectCommand, S3Client, type GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { createSerializeHandler, handler, readSerializeConfig } from '../../src/lambda/index.js';
import { makePng } from '../../../../tools/testing/images';

const s3 = mockClient(S3Client);
const body = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png', image_data: '' };

function objectOutput(bytes: Uint8Array): GetObjectCommandOutput {
  const stream = { transformToByteArray: async () => bytes, destroy: () => undefined };
  return {
    $metadata: {},
    ContentLength: bytes.length,
    Body: stream as unknown as GetObjectCommandOutput['Body'],
  };
}

function s3Error(name: string, httpStatusCode: number) {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
}

beforeEach(() => s3.reset());

describe('serialize handler (S3 client mocked)', () => {
  it.each([
    ['the bare body', body],
    ['a {statusCode, body} envelope', { statusCode: 200, body }],
    ['an envelope whose body is a JSON string', { statusCode: 200, body: JSON.stringify(body) }],
    ['a whole lambda:invoke result', { StatusCode: 200, Payload: { statusCode: 200, body } }],
  ])('gives the same envelope for %s', async (_shape, event) => {
    const png = await makePng();
    s3.on(GetObjectCommand, { Bucket: 'scones-images', Key: body.s3_key }).callsFake(() =>
      objectOutput(png),
    );
    const result = await handler(event);
    expect(result).toEqual({
      statusCode: 200,
      body: {
        ...body,
        image_data: png.toString('base64'),
        content_type: 'image/png',
        image_size: png.length,
      },
    });
  });

  it('maps NoSuchKey to ImageNotFoundError', async () => {
    s3.on(GetObjectCommand).rejects(s3Error('NoSuchKey', 404));
    await expect(handler(body)).rejects.toMatchObject({ name: 'ImageNotFoundError' });
  });

  it('maps AccessDenied to ImageAccessDeniedError', async () => {
    s3.on(GetObjectCommand).rejects(s3Error('AccessDenied', 403));
    await expect(handler(body)).rejects.toMatchObject({ name: 'ImageAccessDeniedError' });
  });

  it('refuses an object whose Content-Length is over MAX_IMAGE_BYTES', async () => {
    const small = createSerializeHandler(
      readSerializeConfig({ MAX_IMAGE_BYTES: '1000' }),
      async ({ maxBytes }) => {
        expect(maxBytes).toBe(1000);
        return new Uint8Array(1001);
      },
    );
    await expect(small(body)).rejects.toMatchObject({ name: 'ImageTooLargeError' });
  });

  it.each([
    ['a missing s3_key', { s3_bucket: 'b' }, /s3_key/],
    ['s3_bucket not a number', { s3_bucket: 7, s3_key: 'k' }, /s3_bucket/],
    ['a body string that does not parse', { statusCode: 200, body: 'not json' }, /not JSON/],
    ['an empty object', {}, /s3_bucket/],
  ])('rejects %s with InvalidEventError before calling S3', async (_case, event, message) => {
    await expect(handler(event)).rejects.toMatchObject({
      name: 'InvalidEventError',
      message: expect.stringMatching(message),
    });
    expect(s3.calls()).toHaveLength(0);
  });
});

describe('readSerializeConfig', () => {
  it('defaults to 6 MiB and 180 KiB', () => {
    expect(readSerializeConfig({})).toEqual({
      maxImageBytes: 6 * 1024 * 1024,
      inlineImageMaxBytes: 180 * 1024,
    });
  });

  it('names a bad setting', () => {
    expect(() => readSerializeConfig({ INLINE_IMAGE_MAX_BYTES: 'lots' })).toThrow(
      /INLINE_IMAGE_MAX_BYTES/,
    );
  });
});
