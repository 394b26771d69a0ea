// A day's photos as one batch: 10,000 objects in local S3, run by `scones batch s3://...` in a
// subprocess as a user runs it. The listing pages (ten ListObjectsV2 pages of 1,000), every
// object gets exactly one result, low confidence alone does not fail the run (exit 0), and the
// ResultWriter files hold every object once.
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStack } from '../../src/index.js';
import { makePng } from '../../../../tools/testing/images';
import { runCli } from '../cli/run-cli';

const OBJECTS = 10_000;
const NOT_IMAGES = 20;
const PREFIX = 'incoming/2026-11-27/';
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'scones-day-'));
  const stack = await LocalStack.start({ dataDir });
  try {
    // A few distinct photos under many keys: the scale is in the objects, not in the pixels.
    const photos = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        makePng({ color: { r: 40 * i, g: 255 - 30 * i, b: 90 }, width: 32, height: 32 }),
      ),
    );
    const body = (i: number) => (i < NOT_IMAGES ? `delivery note ${i}` : photos[i % photos.length]);
    for (let i = 0; i < OBJECTS; i += 100)
      await Promise.all(
        Array.from({ length: Math.min(100, OBJECTS - i) }, (_, j) =>
          stack.s3.send(
            new PutObjectCommand({
              Bucket: stack.bucket,
              Key: `${PREFIX}${String(i + j).padStart(5, '0')}.png`,
              Body: body(i + j),
            }),
          ),
        ),
      );
  } finally {
    await stack.stop();
  }
}, 300_000);

afterAll(() => rm(dataDir, { recursive: true, force: true }));

it('runs 10,000 objects with every result exactly once, and exits 0 when only low confidence and a few errors occur', async () => {
  const run = await runCli([
    'batch',
    `s3://scones-images/${PREFIX}`,
    '--data-dir',
    dataDir,
    '--concurrency',
    '16',
    '--json',
  ]);
  expect(run.stderr).not.toMatch(/InternalError|Error:/);
  expect(run.code).toBe(0);
  const { summary, items, resultFiles } = JSON.parse(run.stdout) as {
    summary: { status: string; images: number; outcomes: Record<string, number> };
    items: { key: string; status: string; error: { name: string } | null }[];
    resultFiles: string[];
  };
  expect(summary.status).toBe('SUCCEEDED');
  expect(summary.images).toBe(OBJECTS);
  expect(new Set(items.map((item) => item.key)).size).toBe(OBJECTS);
  expect(summary.outcomes.failed).toBe(NOT_IMAGES);
  expect(summary.outcomes.pending).toBe(0);
  expect(summary.outcomes.passed + summary.outcomes.below_threshold + NOT_IMAGES).toBe(OBJECTS);
  expect(items.filter((item) => item.status === 'failed').map((item) => item.error?.name)).toEqual(
    Array(NOT_IMAGES).fill('UnsupportedImageError'),
  );

  // The ResultWriter files, read back from the stack's S3: every object once among them.
  const stack = await LocalStack.start({ dataDir });
  try {
    const read = async (uri: string) => {
      const [, , bucket, ...key] = uri.split('/');
      const object = await stack.s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: key.join('/') }),
      );
      return JSON.parse(await object.Body!.transformToString()) as unknown;
    };
    const entries = (
      await Promise.all(resultFiles.filter((file) => !file.endsWith('manifest.json')).map(read))
    ).flat() as { Input: string }[];
    const keys = entries.map((entry) => (JSON.parse(entry.Input) as { s3_key: string }).s3_key);
    expect(keys).toHaveLength(OBJECTS);
    expect(new Set(keys).size).toBe(OBJECTS);
    // Past S3's 5 MiB part size, so the SUCCEEDED file was streamed as a multipart upload.
    const manifest = (await read(resultFiles.find((file) => file.endsWith('manifest.json'))!)) as {
      ResultFiles: { SUCCEEDED: { Size: number }[] };
    };
    expect(manifest.ResultFiles.SUCCEEDED[0].Size).toBeGreaterThan(5 * 1024 * 1024);
  } finally {
    await stack.stop();
  }
}, 600_000);
