import { Command, Option } from 'commander';
import { runBatch } from '../../batch/batch-run.js';
import { collectImages, skippedNote } from '../../classify/collect-images.js';
import { LocalStack } from '../../stack/local-stack.js';
import { batchSummary, writeResultsJsonl } from '../batch-command.js';
import { AwsSetupError, EXIT, UsageError } from '../cli-errors.js';
import { numberBetween, wholeNumber } from '../option-parsers.js';
import { progressBar } from '../progress.js';
import { stackOptions, thresholdOption, withStackFlags, type StackFlags } from '../stack-flags.js';
import { printLine } from '../stdout.js';

interface BatchFlags extends StackFlags {
  concurrency?: number;
  json: boolean;
  out?: string;
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
  threshold?: number;
}

/** `scones batch`: the batch definition's Distributed Map over local images or an S3 prefix. */
export function batchCommand(): Command {
  const command = new Command('batch')
    .summary('classify many photos at once with the batch state machine (a Distributed Map)')
    .description(
      'Runs the batch state machine on the local stack: image files and folders are uploaded to a new prefix first (in parallel), an s3://bucket/prefix is read as it is. A low-confidence image is a result (below threshold), not a failure: only errors count against the tolerated failures. Exit 1 when the Map run fails (more failures than tolerated).',
    )
    .argument('<sources...>', 'image files and folders, or one s3://bucket/prefix in the local S3')
    .addOption(
      new Option('--concurrency <n>', 'child executions at once (default 8)').argParser(
        wholeNumber(1),
      ),
    )
    .option('--json', 'print the summary and every item as JSON', false)
    .option('--out <file>', 'also write one JSON line per image to this file')
    .addOption(
      new Option(
        '--tolerated-failure-percentage <p>',
        'the run fails when more than this share of images fail (default 10)',
      ).argParser(numberBetween(0, 100)),
    )
    .addOption(
      new Option(
        '--tolerated-failure-count <n>',
        'the run fails when more than this many images fail',
      ).argParser(wholeNumber(0)),
    )
    .addOption(thresholdOption());
  return withStackFlags(command)
    .addHelpText(
      'after',
      `
Examples:
  scones batch photos/                          a folder (and its subfolders)
  scones batch photos/*.jpg --json | jq .summary
  scones batch s3://scones-images/incoming/ --tolerated-failure-percentage 5 --out results.jsonl`,
    )
    .action(async (sources: string[], flags: BatchFlags) => {
      const s3Sources = sources.filter((source) => source.startsWith('s3://'));
      if (s3Sources.length > 0 && sources.length > 1)
        throw new UsageError('batch takes one s3://bucket/prefix, or local files and folders.');
      if (s3Sources.length === 0) {
        const note = skippedNote(await collectImages(sources));
        if (note) console.error(note);
      }
      const stack = await LocalStack.start({ ...stackOptions(flags), threshold: flags.threshold });
      const result = await runBatch(stack, {
        source: s3Sources[0] ?? sources,
        concurrency: flags.concurrency,
        toleratedFailurePercentage: flags.toleratedFailurePercentage,
        toleratedFailureCount: flags.toleratedFailureCount,
        onUpload: progressBar('uploading').update,
        onProgress: progressBar('classifying').update,
      })
        .catch((error: { name?: string }) => {
          // S3's documented error code for the prefix's bucket.
          if (error.name === 'NoSuchBucket')
            throw new AwsSetupError(
              `No bucket ${s3Sources[0]?.slice(5).split('/')[0]} in the local S3 (its bucket is ${stack.bucket}).`,
            );
          throw error;
        })
        .finally(() => stack.stop());
      if (flags.endpointFaults || flags.storageFaults)
        console.error(`Faults injected: ${JSON.stringify(stack.faultsInjected())}`);
      if (flags.out) await writeResultsJsonl(flags.out, result);
      await printLine(
        flags.json
          ? JSON.stringify(
              {
                summary: result.summary,
                mapRunArn: result.run.mapRunArn,
                resultFiles: result.run.resultFiles,
                items: result.items,
              },
              null,
              2,
            )
          : batchSummary(result),
      );
      if (result.run.status !== 'SUCCEEDED') process.exitCode = EXIT.runFailed;
    });
}
