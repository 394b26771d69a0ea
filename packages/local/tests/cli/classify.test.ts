// `scones classify` in a subprocess, on images the test makes, through the whole local stack.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeJpeg, makeNoisePng, makePng } from '../../../../tools/testing/images';
import { runCli } from './run-cli';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scones-cli-'));
  await mkdir(path.join(dir, 'photos/nested'), { recursive: true });
  await writeFile(
    path.join(dir, 'photos/red.png'),
    await makePng({ color: { r: 200, g: 30, b: 30 } }),
  );
  await writeFile(
    path.join(dir, 'photos/nested/green.jpg'),
    await makeJpeg({ width: 300, height: 200, color: { r: 20, g: 160, b: 60 } }),
  );
  await writeFile(path.join(dir, 'photos/large.png'), await makeNoisePng(400 * 1024));
  await writeFile(path.join(dir, 'photos/readme.txt'), 'not picked up from a folder');
  await writeFile(path.join(dir, 'note.png'), 'a delivery note, not a photo');
  await writeFile(path.join(dir, 'empty.png'), '');
  await mkdir(path.join(dir, 'no-images'));
  await writeFile(path.join(dir, 'no-images/notes.txt'), 'nothing to see');
});

describe('scones classify', () => {
  it('classifies the good images even with bad files in the same run, and prints the documented JSON', async () => {
    const run = await runCli(
      ['classify', 'photos', 'note.png', 'empty.png', '--json', '--temporary'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(results.map((r) => r['file'])).toEqual([
      'photos/large.png',
      'photos/nested/green.jpg',
      'photos/red.png',
      'note.png',
      'empty.png',
    ]);
    for (const result of results.slice(0, 3)) {
      expect(Object.keys(result).sort()).toEqual([
        'confidence',
        'error',
        'file',
        'inferences',
        'label',
        'status',
      ]);
      expect(['passed', 'below_threshold']).toContain(result['status']);
      expect(['bicycle', 'motorcycle']).toContain(result['label']);
      expect(result['inferences']).toHaveLength(2);
      expect(result['confidence']).toBe(Math.max(...(result['inferences'] as number[])));
      if (result['status'] === 'passed') expect(result['error']).toBeNull();
      else
        expect(result['error']).toMatchObject({
          name: 'ThresholdConfidenceNotMetError',
          message: expect.stringMatching(/^THRESHOLD_CONFIDENCE_NOT_MET/),
        });
    }
    expect(results[3]).toEqual({
      file: 'note.png',
      status: 'failed',
      label: null,
      confidence: null,
      inferences: null,
      error: {
        name: 'UnsupportedImageError',
        message: expect.stringContaining('Not a PNG or JPEG image'),
      },
    });
    expect(results[4]).toMatchObject({
      status: 'failed',
      error: {
        name: 'UnsupportedImageError',
        message: expect.stringContaining('but an empty file (0 bytes)'),
      },
    });
  });

  // A current phone camera's photo: over 40 megapixels, so it used to be refused as a bomb.
  it('classifies a full-size 48 megapixel JPEG through serialize, S3 and the endpoint', async () => {
    await mkdir(path.join(dir, 'phone'), { recursive: true });
    const photo = await makeJpeg({ width: 8000, height: 6000, quality: 85 });
    await writeFile(path.join(dir, 'phone/photo.jpg'), photo);
    const run = await runCli(['classify', 'phone/photo.jpg', '--json', '--temporary'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(['passed', 'below_threshold']).toContain(result?.['status']);
    expect(result?.['inferences']).toHaveLength(2);
  });

  it('marks images below a --threshold of 1 as below_threshold, with their label', async () => {
    const run = await runCli(
      ['classify', 'photos/red.png', '--json', '--threshold', '1', '--temporary'],
      { cwd: dir },
    );
    const [result] = JSON.parse(run.stdout);
    expect(result).toMatchObject({
      status: 'below_threshold',
      label: expect.any(String),
      error: { name: 'ThresholdConfidenceNotMetError' },
    });
  });

  it('prints a table by default', async () => {
    const run = await runCli(['classify', 'photos/red.png', 'note.png', '--temporary'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^file\s+label\s+confidence\s+outcome$/m);
    expect(run.stdout).toMatch(
      /^photos\/red.png\s+(bicycle|motorcycle)\s+0\.\d{4}\s+(passed|below threshold)$/m,
    );
    expect(run.stdout).toMatch(/^note.png\s+-\s+-\s+failed: UnsupportedImageError$/m);
    expect(run.stdout).toContain('2 images: ');
  });

  it.each([
    [
      'a path that does not exist',
      ['classify', 'missing.png'],
      /No such file or folder: missing.png/,
    ],
    [
      'a folder with no images',
      ['classify', 'no-images'],
      /No images in no-images: it holds no .png, .jpg or .jpeg files/,
    ],
    [
      'a missing model file',
      ['classify', 'photos/red.png', '--model-dir', 'no-model'],
      /No model at .*no-model\/model.onnx/,
    ],
    [
      'a threshold out of range',
      ['classify', 'photos/red.png', '--threshold', '2'],
      /option '--threshold <n>' argument '2' is invalid. It must be a number from 0 to 1/,
    ],
    [
      'an unknown command',
      ['classfy', 'photos'],
      /unknown command 'classfy'\n\(Did you mean classify\?\)/,
    ],
    [
      '--state-machine-arn without --bucket',
      ['classify', 'photos/red.png', '--state-machine-arn', 'arn:x'],
      /needs --bucket/,
    ],
  ])('exits 2 with a message for %s', async (_case, args, message) => {
    const run = await runCli([...args, '--temporary'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
