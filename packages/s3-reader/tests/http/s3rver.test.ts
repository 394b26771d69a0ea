// The reader against a real S3-compatible server: objects written with the AWS SDK's S3 client
// are read back byte for byte through the reader's own signed GETs.
import { randomBytes } from 'node:crypto';
import type { ObjectReader } from '@scones/contracts';
import { startLocalS3, type LocalS3 } from '../../../../tools/testing/local-s3';
import { createS3ObjectReader, s3ReaderOptionsFromEnvironment } from '../../src/index.js';

const BUCKET = 'scones-images';
const MAX = 1024 * 1024;
let s3: LocalS3;
let readObject: ObjectReader;

beforeAll(async () => {
  s3 = await startLocalS3([BUCKET]);
  readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(s3.env));
});

afterAll(() => s3.stop());

describe('createS3ObjectReader against s3rver', () => {
  it.each([
    ['a plain key', 'test/bicycle.png'],
    ['spaces', 'deliveries/photo of bike 1.png'],
    ['unicode', 'deliveries/vélo-ünïcödé-🚲.png'],
    ['reserved characters', "deliveries/it's (a) bike! +=&*.png"],
    ['dot segments', 'deliveries/../../escape.png'],
  ])('reads an object whose key has %s, exactly as stored', async (_case, key) => {
    const bytes = randomBytes(5_000);
    await s3.put(BUCKET, key, bytes);
    expect(Buffer.from(await readObject({ bucket: BUCKET, key, maxBytes: MAX }))).toEqual(bytes);
  });

  it('reads an object of exactly the limit', async () => {
    const bytes = randomBytes(MAX);
    await s3.put(BUCKET, 'test/at-limit.bin', bytes);
    const read = await readObject({ bucket: BUCKET, key: 'test/at-limit.bin', maxBytes: MAX });
    expect(read.length).toBe(MAX);
  });

  it('refuses an object over the limit with ImageTooLargeError, naming both sizes', async () => {
    await s3.put(BUCKET, 'test/over.bin', new Uint8Array(MAX + 1));
    await expect(
      readObject({ bucket: BUCKET, key: 'test/over.bin', maxBytes: MAX }),
    ).rejects.toMatchObject({
      name: 'ImageTooLargeError',
      message: expect.stringContaining(`${MAX + 1} bytes; the limit is ${MAX} bytes`),
    });
  });

  it('names a missing key and a missing bucket ImageNotFoundError', async () => {
    await expect(
      readObject({ bucket: BUCKET, key: 'test/missing.png', maxBytes: MAX }),
    ).rejects.toMatchObject({
      name: 'ImageNotFoundError',
      message: expect.stringContaining('s3://scones-images/test/missing.png'),
    });
    await expect(
      readObject({ bucket: 'no-such-bucket', key: 'a.png', maxBytes: MAX }),
    ).rejects.toMatchObject({
      name: 'ImageNotFoundError',
      message: expect.stringContaining('bucket "no-such-bucket"'),
    });
  });

  // S3 answers an unknown access key with InvalidAccessKeyId: the function's credentials are
  // wrong, not the photo (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
  it('is refused like any client with an access key the server does not know: InvalidCredentialsError', async () => {
    const stranger = createS3ObjectReader({
      ...s3ReaderOptionsFromEnvironment(s3.env),
      credentials: () => ({ accessKeyId: 'STRANGER', secretAccessKey: 'x' }),
    });
    await expect(
      stranger({ bucket: BUCKET, key: 'test/bicycle.png', maxBytes: MAX }),
    ).rejects.toMatchObject({ name: 'InvalidCredentialsError', retryable: false });
  });
});
