import { Command, Option } from 'commander';
import { monitor } from '../monitor-command.js';
import { isoTime, probability } from '../option-parsers.js';
import { printLine } from '../stdout.js';

interface MonitorFlags {
  threshold?: number;
  since?: Date;
  until?: Date;
  json: boolean;
  out?: string;
  dataDir: string;
}

/** `scones monitor`: confidence over time from SageMaker data-capture files. */
export function monitorCommand(): Command {
  return new Command('monitor')
    .summary("report the endpoint's confidence over time, from its data capture")
    .description(
      "Reads SageMaker data-capture files (the local stack's by default, a folder, or an s3://bucket/prefix through the AWS SDK) and reports confidence and pass rate per hour.",
    )
    .argument('[source]', "a capture folder or s3://bucket/prefix (default: the local stack's)")
    .addOption(
      new Option(
        '--threshold <n>',
        'the confidence a prediction must reach (default 0.93)',
      ).argParser(probability),
    )
    .addOption(new Option('--since <time>', 'only records from this ISO time').argParser(isoTime))
    .addOption(new Option('--until <time>', 'only records before this ISO time').argParser(isoTime))
    .option('--json', 'print the report as JSON', false)
    .option('--out <file>', 'also write the report as HTML with charts')
    .option('--data-dir <dir>', "the local stack's data folder", '.scones')
    .addHelpText(
      'after',
      `
Examples:
  scones monitor --out report.html
  scones monitor s3://scones-images/data_capture --since 2026-11-27T00:00:00Z --json | jq .summary`,
    )
    .action(async (source: string | undefined, flags: MonitorFlags) => {
      const output = await monitor({ source, ...flags });
      await printLine(output);
    });
}
