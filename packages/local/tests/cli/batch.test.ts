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

  it('injects the faults it is given, retries them away, and says how many there were', async () => {
    const run = await runCli(
      [
        'batch',
        '.',
        '--threshold',
        '0',
        '--tolerated-failure-percentage',
        '20',
        '--storage-faults',
        '503=0.3',
        '--endpoint-faults',
        '500=0.3',
        '--temporary',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('7 images: 6 passed, 0 below threshold, 1 failed');
    const injected = JSON.parse(/Faults injected: (.*)/.exec(run.stderr)?.[1] ?? 'null');
    expect(injected).toMatchObject({
      endpoint: { serverError: expect.any(Number) },
      storage: { slowDown: expect.any(Number) },
    });
  });

  it.each([
    [
      '--endpoint-faults',
      '503=0.1',
      /'--endpoint-faults <spec>' argument '503=0.1' is invalid. "503=0.1" is not a fault/,
    ],
    [
      '--storage-faults',
      '503=0.7,500=0.7',
      /'--storage-faults <spec>' argument .* The fault shares add up to 1.4/,
    ],
    [
      '--endpoint-timeout-ms',
      'soon',
      /'--endpoint-timeout-ms <ms>' argument 'soon' is invalid. It must be a whole number/,
    ],
  ])('refuses %s %s before starting anything (exit 2)', async (option, value, message) => {
    const run = await runCli(['batch', '.', option, value, '--temporary'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
