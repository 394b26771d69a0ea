// Stacks in one process stay apart: each builds its step handlers from its own settings, and
// none writes process.env (it used to, and the handlers read it once, at import).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStack, classifyFiles, localRunner } from '../../src/index.js';
import { makePng } from '../../../../tools/testing/images';

it('two stacks in one process each run on their own S3 and settings, and leave process.env alone', async () => {
  const environment = { ...process.env };
  const photo = path.join(await mkdtemp(path.join(tmpdir(), 'scones-two-stacks-')), 'photo.png');
  await writeFile(photo, await makePng());
  const lenient = await LocalStack.start({ temporary: true, threshold: 0 });
  const strict = await LocalStack.start({ temporary: true, threshold: 1 });
  try {
    // The first stack's S3 is gone: the second's handlers must not be reading it.
    await lenient.stop();
    const [result] = await classifyFiles(
      [photo],
      localRunner(strict.s3, strict.bucket, strict.executions),
    );
    expect(result).toMatchObject({
      status: 'below_threshold',
      error: { name: 'ThresholdConfidenceNotMetError' },
    });
  } finally {
    await strict.stop();
  }
  expect(process.env).toEqual(environment);
}, 60_000);
