import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isValidationPath, readList } from './dataset-list.js';

/** What evaluate needs of a model. */
export interface LabelledModel {
  readonly labels: readonly string[];
  classify(image: Uint8Array): Promise<number[]>;
}

export interface EvaluationOptions {
  /** A folder in SageMaker's layout: images under `imagesDir`, the list in `list`. */
  dataDir: string;
  list?: string;
  imagesDir?: string;
  /** Which images: the held-out validation split (default), the training split, or all. */
  split?: 'validation' | 'training' | 'all';
  /** Images classified at once. Default 4. */
  concurrency?: number;
}

export interface Evaluation {
  split: 'validation' | 'training' | 'all';
  labels: readonly string[];
  total: number;
  correct: number;
  accuracy: number;
  /** confusion[actual][predicted]: how many images of each class went to each prediction. */
  confusion: number[][];
}

/**
 * Accuracy and confusion matrix of a model on a labelled folder.
 *
 * @example
 * const result = await evaluate(await ImageClassifier.load(), { dataDir: '../shared/data/cifar100-bikes' });
 * console.log(result.accuracy, result.confusion);
 */
export async function evaluate(
  model: LabelledModel,
  options: EvaluationOptions,
): Promise<Evaluation> {
  const split = options.split ?? 'validation';
  const entries = (await readList(path.join(options.dataDir, options.list ?? 'train.lst'))).filter(
    (entry) => split === 'all' || isValidationPath(entry.path) === (split === 'validation'),
  );
  const size = model.labels.length;
  const confusion = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++];
      if (entry.label >= size) {
        throw new Error(
          `${entry.path} has label ${entry.label}, but the model knows ${size} classes.`,
        );
      }
      const image = await readFile(
        path.join(options.dataDir, options.imagesDir ?? 'train', entry.path),
      );
      const probabilities = await model.classify(image);
      const predicted = probabilities.indexOf(Math.max(...probabilities));
      confusion[entry.label][predicted] += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  const correct = confusion.reduce((sum, row, i) => sum + row[i], 0);
  return {
    split,
    labels: model.labels,
    total: entries.length,
    correct,
    accuracy: entries.length ? correct / entries.length : 0,
    confusion,
  };
}
