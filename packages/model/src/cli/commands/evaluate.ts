import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ImageClassifier } from '../../classifier.js';
import { evaluate } from '../../evaluate.js';
import { DEFAULT_MODEL_DIR } from '../../metadata.js';
import { UsageError } from '../cli-errors.js';
import { modelDir } from '../option-parsers.js';

interface EvaluateFlags {
  data: string;
  list: string;
  images: string;
  split: 'validation' | 'training' | 'all';
  modelDir: string;
  json: boolean;
}

/** `scones-model evaluate`: accuracy and confusion on a labelled image list. */
export function evaluateCommand(): Command {
  return new Command('evaluate')
    .summary("the model's accuracy on a labelled dataset (scones dataset prepare's layout)")
    .requiredOption('--data <dir>', 'a folder with the images and the .lst file')
    .option('--list <file>', 'the .lst file, in --data', 'train.lst')
    .option('--images <dir>', 'the images folder, in --data', 'train')
    .addOption(
      new Option('--split <split>', 'which part of the list')
        .choices(['validation', 'training', 'all'])
        .default('validation'),
    )
    .addOption(
      new Option('--model-dir <dir>', 'a folder with model.onnx and metadata.json')
        .argParser(modelDir)
        .default(DEFAULT_MODEL_DIR, 'the model this package ships'),
    )
    .option('--json', 'print the result as JSON', false)
    .addHelpText(
      'after',
      `
Example:
  scones-model evaluate --data ../shared/data/cifar100-bikes --split validation`,
    )
    .action(async (flags: EvaluateFlags) => {
      const list = path.join(flags.data, flags.list);
      if (!existsSync(list))
        throw new UsageError(`There is no ${flags.list} in ${flags.data} (--data, --list).`);
      const model = await ImageClassifier.load(flags.modelDir);
      try {
        const result = await evaluate(model, {
          dataDir: flags.data,
          list: flags.list,
          imagesDir: flags.images,
          split: flags.split,
        });
        if (flags.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        console.log(
          `${result.split} split: ${result.correct}/${result.total} correct, accuracy ${result.accuracy.toFixed(4)}`,
        );
        console.log(`confusion (rows: actual, columns: predicted ${result.labels.join(', ')}):`);
        result.confusion.forEach((row, i) =>
          console.log(
            `  ${result.labels[i].padEnd(12)} ${row.map((n) => String(n).padStart(5)).join(' ')}`,
          ),
        );
      } finally {
        await model.close();
      }
    });
}
