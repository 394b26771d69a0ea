// The serialize adapter with an in-memory object reader; handler.s3.test.ts runs the real
// `handler` against a real S3-compatible server.
import { ImageNotFoundError, type ObjectReader } from '@scones/contracts';
import { makePng } from '../../../../tools/testing/images';
import { inputShapes } from '../../../../tools/testing/input-shapes';
import { createSerializeHandler, readSerializeConfig } from '../../src/lambda/index.js';

const body = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png', image_data: '' };

function inMemoryReader(objects: Map<string, Uint8Array>): ObjectReader & { reads: string[] } {
  const reads: string[] = [];
  const read: ObjectReader = async ({ bucket, key }) => {
    reads.push(`${bucket}/${key}`);
    const bytes = objects.get(`${bucket}/${key}`);
    if (!bytes) throw new ImageNotFoundError(`s3://${bucket}/${key} not found`);
    return bytes;
  };
  return Object.assign(read, { reads });
}

describe('serialize handler (in-memory reader)', () => {
  it.each(inputShapes(body))('gives the same envelope for %s', async (_shape, event) => {
    const png = await makePng();
    const handler = createSerializeHandler(
      readSerializeConfig({}),
      inMemoryReader(new Map([[`scones-images/${body.s3_key}`, png]])),
    );
    const record = {
      ...body,
      image_data: png.toString('base64'),
      content_type: 'image/png',
      image_size: png.length,
      inferences: [],
    };
    await expect(handler(event)).resolves.toEqual({ ...record, statusCode: 200, body: record });
  });

  it('passes the configured size limit to the reader and refuses a larger object', async () => {
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
    ['s3_bucket that is a number', { s3_bucket: 7, s3_key: 'k' }, /s3_bucket/],
    ['a body string that does not parse', { statusCode: 200, body: 'not json' }, /not JSON/],
    ['an empty object', {}, /s3_bucket/],
  ])('rejects %s with InvalidEventError before reading S3', async (_case, event, message) => {
    const reader = inMemoryReader(new Map());
    const handler = createSerializeHandler(readSerializeConfig({}), reader);
    await expect(handler(event)).rejects.toMatchObject({
      name: 'InvalidEventError',
      message: expect.stringMatching(message),
    });
    expect(reader.reads).toHaveLength(0);
  });
});

describe('readSerializeConfig', () => {
  it('defaults to 6 MiB and 180 KiB', () => {
    expect(readSerializeConfig({})).toEqual({
      maxImageBytes: 6 * 1024 * 1024,
      inlineImageMaxBytes: 180 * 1024,
      bodyFormat: 'object',
    });
  });

  it('names a bad setting', () => {
    expect(() => readSerializeConfig({ INLINE_IMAGE_MAX_BYTES: 'lots' })).toThrow(
      /INLINE_IMAGE_MAX_BYTES/,
    );
  });
});
