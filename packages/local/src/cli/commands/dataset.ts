import { Command } from 'commander';
import { datasetPrepare, parseClasses } from '../dataset-command.js';
import { parsedBy, s3Uri } from '../option-parsers.js';
import { progressBar } from '../progress.js';
import { printLine } from '../stdout.js';

interface PrepareFlags {
  from: string;
  out: string;
  classes?: number[];
  upload?: string;
}

/** `scones dataset prepare`: CIFAR-100 into the layout SageMaker's image classifier trains on. */
export function datasetCommand(): Command {
  const prepare = new Command('prepare')
    .summary('unpack CIFAR-100 classes into images + .lst files, and upload them')
    .requiredOption('--from <archive>', 'cifar-100-binary.tar.gz, as a path or an http(s) URL')
    .requiredOption('--out <folder>', 'where the images and .lst files go')
    .option(
      '--classes <labels>',
      'CIFAR-100 fine labels, in class-index order (default 8,48: bicycle, motorcycle)',
      parsedBy(parseClasses),
    )
    .option('--upload <s3-uri>', 'then upload the layout to this s3://bucket/prefix', s3Uri)
    .addHelpText(
      'after',
      `
Example:
  scones dataset prepare --from cifar-100-binary.tar.gz --out data --upload s3://scones-training/cifar`,
    )
    .action(async (flags: PrepareFlags) => {
      const prepared = await datasetPrepare({
        from: flags.from,
        out: flags.out,
        classes: flags.classes?.join(','),
        upload: flags.upload,
        progress: progressBar().update,
        log: (line) => console.error(line),
      });
      await printLine(
        (['train', 'test'] as const)
          .map(
            (split) =>
              `${split}: ${Object.entries(prepared.counts[split])
                .map(([label, count]) => `${label} ${count}`)
                .join(', ')} (${split}.lst)`,
          )
          .join('\n'),
      );
    });
  return new Command('dataset').summary('prepare the training data').addCommand(prepare);
}
