// The serialize adapter against a real S3-compatible server, reading through its signed GETs,
// configured only by the AWS SDK's standard environment variables, given to it, never read from
// the process: two handlers in one process read two servers.
import { startLocalS3, type LocalS3 } from '../../../../tools/testing/local-s3';
import { makeNoisePng, makePng } from '../../../../tools/testing/images';
import { serializeHandlerFromEnvironment, type SerializeHandler } from '../../src/lambda/index.js';

const BUCKET = 'scones-images';
let s3: LocalS3;
let handler: SerializeHandler;

beforeAll(async () => {
  s3 = await startLocalS3([BUCKET]);
  handler = serializeHandlerFromEnvironment(s3.env);
});

afterAll(() => s3.stop());

it('two handlers in one process each read the server their own environment names', async () => {
  const other = await startLocalS3([BUCKET]);
  try {
    await s3.put(BUCKET, 'which.png', await makePng({ width: 4, height: 4 }));
    await other.put(BUCKET, 'which.png', await makePng({ width: 8, height: 8 }));
    const fromOther = serializeHandlerFromEnvironment(other.env);
    const [first, second] = await Promise.all([
      handler({ s3_bucket: BUCKET, s3_key: 'which.png' }),
      fromOther({ s3_bucket: BUCKET, s3_key: 'which.png' }),
    ]);
    expect(first.image_size).not.toBe(second.image_size);
  } finally {
    await other.stop();
  }
});

describe('serialize handler against s3rver', () => {
  it('names refused credentials InvalidCredentialsError, not an image problem', async () => {
    // s3rver knows one access key and answers InvalidAccessKeyId for any other, as S3 does.
    const misconfigured = serializeHandlerFromEnvironment({
      ...s3.env,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    });
    await s3.put(BUCKET, 'test/any.png', await makePng());
    await expect(
      misconfigured({ s3_bucket: BUCKET, s3_key: 'test/any.png' }),
    ).rejects.toMatchObject({ name: 'InvalidCredentialsError', retryable: false });
  });

  it('reads and inlines an uploaded PNG', async () => {
    const png = await makePng();
    await s3.put(BUCKET, 'test/bicycle.png', png);
    const body = await handler({
      s3_bucket: BUCKET,
      s3_key: 'test/bicycle.png',
      image_data: '',
    });
    expect(Buffer.from(body.image_data, 'base64')).toEqual(png);
    expect(body.content_type).toBe('image/png');
  });

  it('leaves a 1 MiB PNG in S3 by reference', async () => {
    const png = await makeNoisePng(1024 * 1024);
    await s3.put(BUCKET, 'test/large.png', png);
    const body = await handler({ s3_bucket: BUCKET, s3_key: 'test/large.png' });
    expect(body).toMatchObject({
      image_data: '',
      image_size: png.length,
      content_type: 'image/png',
    });
  });

  it('refuses a 7 MiB object with ImageTooLargeError', async () => {
    await s3.put(BUCKET, 'test/huge.png', new Uint8Array(7 * 1024 * 1024));
    await expect(handler({ s3_bucket: BUCKET, s3_key: 'test/huge.png' })).rejects.toMatchObject({
      name: 'ImageTooLargeError',
      message: expect.stringContaining('7340032 bytes'),
    });
  });

  it('rejects a text file named .png with UnsupportedImageError', async () => {
    await s3.put(BUCKET, 'test/note.png', 'not a photo');
    await expect(handler({ s3_bucket: BUCKET, s3_key: 'test/note.png' })).rejects.toMatchObject({
      name: 'UnsupportedImageError',
      message:
        's3://scones-images/test/note.png: Not a PNG or JPEG image but text (it starts "not a photo"): ' +
        'upload the photo itself as a JPEG or PNG file (the file name does not matter, the content does).',
    });
  });

  it('maps a missing key to ImageNotFoundError', async () => {
    await expect(handler({ s3_bucket: BUCKET, s3_key: 'test/missing.png' })).rejects.toMatchObject({
      name: 'ImageNotFoundError',
      message: expect.stringContaining('s3://scones-images/test/missing.png'),
    });
  });

  it('maps a missing bucket to ImageNotFoundError', async () => {
    await expect(handler({ s3_bucket: 'no-such-bucket', s3_key: 'a.png' })).rejects.toMatchObject({
      name: 'ImageNotFoundError',
      message: expect.stringContaining('bucket "no-such-bucket"'),
    });
  });
});

// (s3rver itself refuses keys with a leading or doubled slash, which S3 accepts; not tested here.)
describe('serialize handler against s3rver, with keys people actually type', () => {
  it.each([
    ['spaces', 'deliveries/photo of bike 1.png'],
    ['unicode', 'deliveries/vélo-ünïcödé-🚲.png'],
    ['dot segments', 'deliveries/../../escape.png'],
  ])('reads an object whose key has %s, exactly as stored', async (_case, key) => {
    const png = await makePng({ width: 8, height: 8 });
    await s3.put(BUCKET, key, png);
    const body = await handler({ s3_bucket: BUCKET, s3_key: key });
    expect(body.s3_key).toBe(key);
    expect(Buffer.from(body.image_data, 'base64')).toEqual(png);
  });

  it('names a missing object even when its key climbs out with ../', async () => {
    await expect(
      handler({ s3_bucket: BUCKET, s3_key: '../../../etc/passwd' }),
    ).rejects.toMatchObject({ name: 'ImageNotFoundError' });
  });
});
