import { Command, Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { ImageClassifier } from '../../classifier.js';
import { DEFAULT_MODEL_DIR } from '../../metadata.js';
import { ImageDecodeError } from '../../preprocess.js';
import { UsageError } from '../cli-errors.js';
import { modelDir } from '../option-parsers.js';

/** `scones-model predict`: the model's probabilities for image files, one line each. */
export function predictCommand(): Command {
  return new Command('predict')
    .summary('classify image files with the model alone: file, label, confidence, probabilities')
    .description(
      'Prints one tab-separated line per image: file, label, confidence, probabilities. A file that is not an image is reported on stderr, and the exit code is then 1.',
    )
    .argument('<files...>', 'PNG or JPEG files')
    .addOption(
      new Option('--model-dir <dir>', 'a folder with model.onnx and metadata.json')
        .argParser(modelDir)
        .default(DEFAULT_MODEL_DIR, 'the model this package ships'),
    )
    .action(async (files: string[], flags: { modelDir: string }) => {
      const model = await ImageClassifier.load(flags.modelDir);
      try {
        for (const file of files) {
          const bytes = await readFile(file).catch(() => {
            throw new UsageError(`No such file: ${file}`);
          });
          const probabilities = await model.classify(bytes).catch((error: unknown) => {
            if (!(error instanceof ImageDecodeError)) throw error;
            console.error(`${file}: ${error.message}`);
            process.exitCode = 1;
            return undefined;
          });
          if (!probabilities) continue;
          const best = probabilities.indexOf(Math.max(...probabilities));
          console.log(
            `${file}\t${model.labels[best]}\t${probabilities[best].toFixed(4)}\t${JSON.stringify(probabilities)}`,
          );
        }
      } finally {
        await model.close();
      }
    });
}
