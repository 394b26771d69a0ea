// `scones batch` in a subprocess, on a folder it uploads first.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePng } from '../../../../tools/testing/images';
import { runCli } from './run-cli';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scones-batch-cli-'));
  for (let i = 0; i < 6; i++)
    await writeFile(
      path.join(dir, `photo-${i}.png`),
      await makePng({ color: { r: 40 * i, g: 90, b: 200 - 30 * i } }),
    );
  await writeFile(path.join(dir, 'note.png'), 'not a photo');
});

describe('scones batch', () => {
  it('prints the summary, writes results.jsonl, and exits 0 when the run succeeds', async () => {
    const run = await runCli(
      [
        'batch',
        '.',
        '--threshold',
        '0',
        '--tolerated-failure-percentage',
        '20',
        '--out',
        'results.jsonl',
        '--temporary',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Map run SUCCEEDED: 7 images: 6 passed, 0 below threshold, 1 failed',
    );
    expect(run.stdout).toMatch(/images\/s; per image p50 \d+ ms, p99 \d+ ms/);
    const lines = (await readFile(path.join(dir, 'results.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(7);
    expect(lines.find((line) => line.file.endsWith('note.png'))).toMatchObject({
      status: 'failed',
      error: { name: 'UnsupportedImageError' },
    });
  });

  it('exits 1 and names the failed items when the failures pass the tolerance', async () => {
    const run = await runCli(
      [
        'batch',
        '.',
        '--threshold',
        '0',
        '--tolerated-failure-percentage',
        '0',
        '--concurrency',
        '1',
        '--json',
        '--temporary',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.summary.status).toBe('FAILED');
    expect(result.items).toHaveLength(7);
    expect(result.items.filter((item: { status: string }) => item.status === 'failed')).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/note\.png$/),
        error: expect.objectContaining({ name: 'UnsupportedImageError' }),
      }),
    ]);
  });
});
