import { DATA_CAPTURE } from '@scones/contracts';
import { Command } from 'commander';
import path from 'node:path';
import { classifyFiles } from '../../classify/classify-files.js';
import { localRunner } from '../../classify/workflow-runner.js';
import { writeSampleImages } from '../../demo/sample-images.js';
import { LocalStack } from '../../stack/local-stack.js';
import { listCaptures } from '../captures.js';
import { progressBar } from '../progress.js';
import { resultsTable } from '../results-table.js';
import { stackOptions, withStackFlags, type StackFlags } from '../stack-flags.js';
import { printLine } from '../stdout.js';

/** `scones demo` (what `npm start` runs): sample photos through the whole local workflow. */
export function demoCommand(): Command {
  return withStackFlags(
    new Command('demo').summary(
      'draw sample photos and send them through the whole workflow on this machine',
    ),
  ).action(async (flags: StackFlags) => {
    const stack = await LocalStack.start(stackOptions(flags));
    const relative = (file: string) => path.relative(process.cwd(), file) || '.';
    const demoDir = path.join(stack.dataDir, 'demo');
    try {
      const files = await writeSampleImages(demoDir);
      await printLine(
        `Classifying ${files.length} sample files made in ${relative(demoDir)}/ through the local workflow...\n`,
      );
      const results = await classifyFiles(
        files,
        localRunner(stack.s3, stack.bucket, stack.executions),
        { onProgress: progressBar('classifying').update },
      );
      await printLine(resultsTable(results.map((r) => ({ ...r, file: relative(r.file) }))));
    } finally {
      await stack.stop();
    }
    const captured = await listCaptures(stack.dataDir, stack.bucket);
    await printLine(`
Each request to the endpoint was captured in SageMaker's data-capture format, to
${stack.captureUri}/ in the local S3 (${captured.length} capture file${captured.length === 1 ? '' : 's'} so far, under ${relative(path.join(stack.dataDir, 's3', stack.bucket, DATA_CAPTURE.prefix))}):
${captured
  .slice(-3)
  .map((key) => `  s3://${stack.bucket}/${key}`)
  .join('\n')}

Next: scones monitor (a report of the captured confidence), scones classify <your photos>,
or scones up to keep the stack running.`);
  });
}
