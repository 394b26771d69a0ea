// The batch path on the local stack: the Distributed Map's semantics around the real interpreter.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { LocalStack, runBatch, type BatchResult } from '../../src/index.js';
import { makeJpeg, makePng } from '../../../../tools/testing/images';

let stack: LocalStack;
const GOOD = 54;
const NOT_IMAGES = 5;

const PREFIX = 'deliveries/';
const SOURCE = `s3://scones-images/${PREFIX}`;
// Sorted last, so it is listed but not yet started when it disappears.
const DELETED = `${PREFIX}zz-deleted-during-the-run.png`;

beforeAll(async () => {
  stack = await LocalStack.start({ temporary: true, threshold: 0, retryDelayMs: 50 });
  const put = (key: string, body: Uint8Array | string) =>
    stack.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: `${PREFIX}${key}`, Body: body }),
    );
  for (let i = 0; i < GOOD; i++) {
    const color = { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 };
    const image =
      i % 2 ? await makePng({ color }) : await makeJpeg({ color, width: 48, height: 40 });
    await put(
      `${i % 3 ? '' : 'nested/'}photo-${String(i).padStart(2, '0')}.${i % 2 ? 'png' : 'jpg'}`,
      image,
    );
  }
  for (let i = 0; i < NOT_IMAGES; i++) await put(`note-${i}.png`, `delivery note ${i}`);
  await put('zz-deleted-during-the-run.png', await makePng());
}, 60_000);

afterAll(() => stack.stop());

function expectEveryObjectOnce(result: BatchResult, objects: number) {
  const keys = result.items.map((item) => item.key);
  expect(keys).toHaveLength(objects);
  expect(new Set(keys).size).toBe(objects);
}

describe('scones batch on the local stack', () => {
  it('counts tolerated failures (non-images, a missing object) and succeeds', async () => {
    let deletion: Promise<unknown> | undefined;
    const result = await runBatch(stack, {
      source: SOURCE,
      concurrency: 4,
      toleratedFailurePercentage: 15,
      onProgress: () => {
        deletion ??= stack.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: DELETED }));
      },
    });
    await deletion;
    expectEveryObjectOnce(result, GOOD + NOT_IMAGES + 1);
    expect(result.run.status).toBe('SUCCEEDED');
    expect(result.summary.outcomes).toEqual({
      passed: GOOD,
      below_threshold: 0,
      failed: NOT_IMAGES + 1,
      pending: 0,
    });
    const failures = result.items
      .filter((item) => item.status === 'failed')
      .map((item) => [item.key, item.error?.name]);
    expect(failures).toEqual([
      ...Array.from({ length: NOT_IMAGES }, (_, i) => [
        `${PREFIX}note-${i}.png`,
        'UnsupportedImageError',
      ]),
      [DELETED, 'ImageNotFoundError'],
    ]);
    expect(result.summary.labels['bicycle'] + result.summary.labels['motorcycle']).toBe(GOOD);
  });

  it('writes the results where and how ResultWriter would', async () => {
    const result = await runBatch(stack, {
      source: SOURCE,
      concurrency: 4,
      toleratedFailurePercentage: 100,
    });
    const manifestUri = result.run.resultFiles.find((file) => file.endsWith('/manifest.json'))!;
    const read = async (uri: string) => {
      const [, bucket, key] = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)!;
      return JSON.parse(
        await (
          await stack.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        ).Body!.transformToString(),
      );
    };
    const manifest = await read(manifestUri);
    expect(manifest).toMatchObject({
      DestinationBucket: 'scones-images',
      MapRunArn: result.run.mapRunArn,
    });
    expect(manifest.ResultFiles.SUCCEEDED).toHaveLength(1);
    expect(manifest.ResultFiles.FAILED).toHaveLength(1);
    const succeeded = await read(`s3://scones-images/${manifest.ResultFiles.SUCCEEDED[0].Key}`);
    const failed = await read(`s3://scones-images/${manifest.ResultFiles.FAILED[0].Key}`);
    expect(succeeded).toHaveLength(GOOD);
    expect(failed).toHaveLength(NOT_IMAGES);
    expect(JSON.parse(succeeded[0].Output)).toMatchObject({
      status: 'passed',
      label: expect.any(String),
    });
    // Entries are written as children end, so in no particular order: find one by its key.
    const note = (failed as { Input: string }[]).find((entry) =>
      /note-0\.png$/.test((JSON.parse(entry.Input) as { s3_key: string }).s3_key),
    );
    expect(note).toMatchObject({
      Status: 'FAILED',
      Error: 'UnsupportedImageError',
      Cause: expect.stringContaining('Not a PNG or JPEG'),
    });
    expect(JSON.parse(note!.Input)).toEqual({
      s3_bucket: 'scones-images',
      s3_key: expect.stringMatching(/note-0\.png$/),
      image_data: '',
    });
  });

  it('fails with a tolerance of 0, and says which items failed; every object still has one result', async () => {
    const result = await runBatch(stack, {
      source: SOURCE,
      concurrency: 2,
      toleratedFailurePercentage: 0,
    });
    expectEveryObjectOnce(result, GOOD + NOT_IMAGES);
    expect(result.run).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    });
    const failed = result.items.filter((item) => item.status === 'failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(failed.every((item) => item.error?.name === 'UnsupportedImageError')).toBe(true);
    expect(result.summary.outcomes.pending).toBeGreaterThan(0);
  });

  it('gives every image exactly one result when the model endpoint restarts mid-run', async () => {
    let restarted: Promise<void> | undefined;
    const result = await runBatch(stack, {
      source: SOURCE,
      concurrency: 4,
      toleratedFailurePercentage: 100,
      onProgress: (done) => {
        if (done === 10) restarted = stack.restartEndpoint(300);
      },
    });
    await restarted;
    expect(restarted).toBeDefined();
    expectEveryObjectOnce(result, GOOD + NOT_IMAGES);
    expect(result.summary.outcomes).toEqual({
      passed: GOOD,
      below_threshold: 0,
      failed: NOT_IMAGES,
      pending: 0,
    });
  });
});
