// A few hundred images with hostile objects among them, run as a batch while the endpoint and
// S3 misbehave: every object ends with exactly one result, the hostile ones with their named
// error, and the transient faults are retried away, as the definitions promise.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LocalStack, runBatch, type BatchResult } from '../../src/index.js';
import {
  makeCorruptJpeg,
  makeJpeg,
  makePng,
  makePngBomb,
  makePngWithRandomTail,
} from '../../../../tools/testing/images';

const GOOD = 300;
const PREFIX = 'hostile/';
const HOSTILE: [string, () => Promise<Uint8Array | string>, string][] = [
  ['bomb.png', async () => makePngBomb(100_000, 100_000), 'ImageTooLargeError'],
  ['corrupt-body.jpg', () => makeCorruptJpeg(), 'EndpointModelError'],
  ['random-tail.png', () => makePngWithRandomTail(), 'EndpointModelError'],
  ['delivery-note.png', async () => 'not a photo', 'UnsupportedImageError'],
  ['empty.png', async () => new Uint8Array(0), 'UnsupportedImageError'],
  ['seven-mebibytes.png', async () => new Uint8Array(7 * 1024 * 1024), 'ImageTooLargeError'],
];
const RETRYABLE = ['StorageUnavailableError', 'EndpointThrottledError', 'EndpointUnavailableError'];

let stack: LocalStack;
let result: BatchResult;

beforeAll(async () => {
  stack = await LocalStack.start({
    temporary: true,
    threshold: 0,
    retryDelayMs: 5,
    // Slow answers (1.5 s) outlast classify's attempts (1 s), as a stalled endpoint would.
    endpointAttemptTimeoutMs: 1_000,
    endpointFaults: {
      serverError: 0.1,
      throttle: 0.1,
      modelError: 0.02,
      slow: 0.03,
      slowMs: 1_500,
    },
    storageFaults: { slowDown: 0.1, internalError: 0.05, reset: 0.05 },
  });
  const put = (key: string, body: Uint8Array | string) =>
    stack.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: `${PREFIX}${key}`, Body: body }),
    );
  for (let i = 0; i < GOOD; i++) {
    const color = { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 };
    await put(
      `photo ${String(i).padStart(3, '0')} vélo.${i % 2 ? 'png' : 'jpg'}`,
      i % 2 ? await makePng({ color }) : await makeJpeg({ color }),
    );
  }
  for (const [key, body] of HOSTILE) await put(key, await body());
  result = await runBatch(stack, {
    source: `s3://${stack.bucket}/${PREFIX}`,
    concurrency: 8,
    toleratedFailurePercentage: 100,
  });
}, 180_000);

afterAll(() => stack.stop());

describe('a hostile batch under injected faults', () => {
  it('gives every object exactly one result', () => {
    const keys = result.items.map((item) => item.key);
    expect(keys).toHaveLength(GOOD + HOSTILE.length);
    expect(new Set(keys).size).toBe(GOOD + HOSTILE.length);
    expect(result.summary.outcomes.pending).toBe(0);
    expect(result.run.status).toBe('SUCCEEDED');
  });

  it('rejects each hostile object with its named error, and the rest of the batch goes on', () => {
    for (const [key, , error] of HOSTILE) {
      expect(result.items.find((item) => item.key === `${PREFIX}${key}`)).toMatchObject({
        status: 'failed',
        error: { name: error },
      });
    }
    const good = result.items.filter((item) => item.key.startsWith(`${PREFIX}photo `));
    expect(good).toHaveLength(GOOD);
    // A good photo fails only when the endpoint answered it with an (injected) ModelError.
    const failedGood = good.filter((item) => item.status !== 'passed');
    for (const item of failedGood) expect(item.error?.name).toBe('EndpointModelError');
    expect(failedGood.length).toBeLessThanOrEqual(stack.faultsInjected().endpoint.modelError);
  });

  it('retries every transient fault away: no item ends with a retryable error', () => {
    const faults = stack.faultsInjected();
    expect(faults.endpoint.serverError).toBeGreaterThan(0);
    expect(faults.endpoint.throttle).toBeGreaterThan(0);
    expect(faults.endpoint.slow).toBeGreaterThan(0);
    expect(faults.storage.slowDown + faults.storage.internalError).toBeGreaterThan(0);
    expect(faults.storage.reset).toBeGreaterThan(0);
    const retryableEnds = result.items.filter((item) => RETRYABLE.includes(item.error?.name ?? ''));
    expect(retryableEnds).toEqual([]);
  });
});
