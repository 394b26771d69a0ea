import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** One line of a SageMaker `.lst` file: index, class label, path relative to the images folder. */
export interface ListEntry {
  index: number;
  label: number;
  path: string;
}

/**
 * Reads a `.lst` file (tab-separated: index, label, relative path), as SageMaker's built-in
 * image-classification algorithm does.
 *
 * @example
 * await readList('../shared/data/cifar100-bikes/train.lst'); // [{ index: 16, label: 0, path: 'bike_s_000682.png' }, ...]
 */
export async function readList(file: string): Promise<ListEntry[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  return lines.flatMap((line, i) => {
    if (line.trim() === '') return [];
    const fields = line.replace(/\r$/, '').split('\t');
    const [index, label] = fields.map(Number);
    if (fields.length !== 3 || !Number.isInteger(index) || !Number.isInteger(label) || label < 0) {
      throw new Error(`${file}:${i + 1}: expected "index<TAB>label<TAB>path", got "${line}".`);
    }
    return [{ index, label, path: fields[2] }];
  });
}

/**
 * The held-out validation split of training: one image in five, chosen by the first byte of the
 * SHA-256 of its path (the training script uses the same rule), so it never depends on order.
 */
export function isValidationPath(relativePath: string): boolean {
  return createHash('sha256').update(relativePath, 'utf8').digest()[0] % 5 === 0;
}
