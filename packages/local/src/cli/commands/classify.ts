import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { Command, Option } from 'commander';
import { classifyFiles } from '../../classify/classify-files.js';
import { collectImages, skippedNote } from '../../classify/collect-images.js';
import type { ClassificationResult } from '../../classify/execution-outcome.js';
import { localRunner, remoteRunner } from '../../classify/workflow-runner.js';
import { LocalStack } from '../../stack/local-stack.js';
import { assertAwsConfigured, awsClientConfig, explainAwsError } from '../aws-setup.js';
import { UsageError } from '../cli-errors.js';
import { probability, wholeNumber } from '../option-parsers.js';
import { progressBar } from '../progress.js';
import { resultsTable } from '../results-table.js';
import { stackOptions, withStackFlags, type StackFlags } from '../stack-flags.js';
import { printLine } from '../stdout.js';

interface ClassifyFlags extends StackFlags {
  json: boolean;
  threshold?: number;
  concurrency: number;
  stateMachineArn?: string;
  bucket?: string;
}

/** `scones classify <files or folders...>`: one execution per image, a table or JSON of results. */
export function classifyCommand(): Command {
  const command = new Command('classify')
    .summary('classify photos through the workflow (local, or deployed with --state-machine-arn)')
    .description(
      'Uploads each image and runs the single-image state machine on it: on the local stack by default, or the workflow deployed on AWS with --state-machine-arn and --bucket. Folders are searched recursively for .png, .jpg and .jpeg files (symbolic links followed, names starting with "." skipped); what was skipped is said on stderr.',
    )
    .argument('<paths...>', 'image files and folders')
    .option('--json', 'print the results as JSON', false)
    .addOption(
      new Option('--threshold <n>', 'minimum confidence for these images').argParser(probability),
    )
    .addOption(
      new Option('--concurrency <n>', 'executions at once').argParser(wholeNumber(1)).default(4),
    )
    .option('--state-machine-arn <arn>', 'run the workflow deployed at this ARN instead')
    .option('--bucket <name>', 'with --state-machine-arn: the bucket the workflow reads');
  return withStackFlags(command)
    .addHelpText(
      'after',
      `
Examples:
  scones classify photos/                       the local stack, a table of results
  scones classify photos/ --json | jq '.[] | select(.status != "passed")'
  scones classify bike.jpg --state-machine-arn arn:aws:states:eu-west-1:123456789012:stateMachine:scones --bucket scones-images`,
    )
    .action(async (paths: string[], flags: ClassifyFlags) => {
      const collected = await collectImages(paths);
      const note = skippedNote(collected);
      if (note) console.error(note);
      const progress = progressBar('classifying');
      const options = {
        threshold: flags.threshold,
        concurrency: flags.concurrency,
        onProgress: progress.update,
      };
      const results = flags.stateMachineArn
        ? await classifyDeployed(collected.files, flags, options)
        : await classifyLocally(collected.files, flags, options);
      await printLine(flags.json ? JSON.stringify(results, null, 2) : resultsTable(results));
    });
}

type Options = Parameters<typeof classifyFiles>[2];

async function classifyLocally(
  files: string[],
  flags: ClassifyFlags,
  options: Options,
): Promise<ClassificationResult[]> {
  if (flags.bucket) throw new UsageError('--bucket goes with --state-machine-arn.');
  const stack = await LocalStack.start(stackOptions(flags));
  try {
    return await classifyFiles(
      files,
      localRunner(stack.s3, stack.bucket, stack.executions),
      options,
    );
  } finally {
    await stack.stop();
  }
}

async function classifyDeployed(
  files: string[],
  flags: ClassifyFlags,
  options: Options,
): Promise<ClassificationResult[]> {
  const { stateMachineArn, bucket } = flags;
  if (!stateMachineArn || !bucket)
    throw new UsageError(
      '--state-machine-arn needs --bucket: the bucket the workflow reads images from.',
    );
  const s3 = new S3Client(awsClientConfig());
  const sfn = new SFNClient(awsClientConfig());
  try {
    await assertAwsConfigured(s3);
    const runner = remoteRunner(s3, sfn, bucket, stateMachineArn);
    // A missing bucket or state machine would fail every file the same way: say it once.
    return await classifyFiles(files, runner, {
      ...options,
      abortOn: (error) => explainAwsError(error, { bucket, stateMachineArn }) !== error,
    });
  } catch (error) {
    throw explainAwsError(error, { bucket, stateMachineArn });
  } finally {
    s3.destroy();
    sfn.destroy();
  }
}
