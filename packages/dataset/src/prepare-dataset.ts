import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  CIFAR100_FINE_LABELS,
  CIFAR_IMAGE_SIZE,
  DEFAULT_FINE_LABELS,
  planarToInterleaved,
} from './cifar.js';
import { DatasetArchiveError } from './errors.js';
import { readCifarArchive, type Split } from './read-archive.js';

export interface PrepareOptions {
  /** The archive file (`cifar-100-binary.tar.gz`). */
  archive: string;
  /** The output folder: `train/`, `test/`, `train.lst`, `test.lst`. */
  out: string;
  /** CIFAR-100 fine labels to keep, relabelled 0, 1, ... in this order. Default 8 (bicycle), 48 (motorcycle). */
  fineLabels?: readonly number[];
  onProgress?: (written: number, total: number) => void;
}

export interface PreparedDataset {
  out: string;
  labels: string[];
  /** Images written per split and class label. */
  counts: Record<Split, Record<string, number>>;
}

/**
 * Turns the CIFAR-100 binary archive into the layout SageMaker's built-in image-classification
 * algorithm trains on: PNG files under `train/` and `test/`, and `train.lst` / `test.lst`
 * (tab-separated: the record's index in the archive, the new class label, the relative path).
 *
 * @throws DatasetArchiveError for a corrupt, truncated or foreign archive.
 * @example
 * await prepareDataset({ archive: 'cifar-100-binary.tar.gz', out: 'data/cifar100-bikes' });
 */
export async function prepareDataset(options: PrepareOptions): Promise<PreparedDataset> {
  const fineLabels = options.fineLabels ?? DEFAULT_FINE_LABELS;
  const bad = fineLabels.find(
    (label) => !Number.isInteger(label) || label < 0 || label >= CIFAR100_FINE_LABELS.length,
  );
  if (bad !== undefined)
    throw new DatasetArchiveError(`Fine label ${bad} is not one of CIFAR-100's 0 to 99.`);
  const info = await stat(options.archive).catch(() => undefined);
  if (!info?.isFile()) throw new DatasetArchiveError(`No archive at ${options.archive}.`);

  const splits = await readCifarArchive(createReadStream(options.archive), fineLabels);
  const labels = fineLabels.map((label) => CIFAR100_FINE_LABELS[label]);
  const total = splits.train.records.length + splits.test.records.length;
  const counts = { train: {}, test: {} } as PreparedDataset['counts'];
  let written = 0;
  for (const split of ['train', 'test'] as const) {
    await mkdir(path.join(options.out, split), { recursive: true });
    const lines: string[] = [];
    for (const record of splits[split].records) {
      const label = fineLabels.indexOf(record.fineLabel);
      const name = `${labels[label]}_${String(record.index).padStart(5, '0')}.png`;
      const png = await sharp(planarToInterleaved(record.planes), {
        raw: { width: CIFAR_IMAGE_SIZE, height: CIFAR_IMAGE_SIZE, channels: 3 },
      })
        .png()
        .toBuffer();
      await writeFile(path.join(options.out, split, name), png);
      lines.push(`${record.index}\t${label}\t${name}`);
      counts[split][labels[label]] = (counts[split][labels[label]] ?? 0) + 1;
      options.onProgress?.(++written, total);
    }
    await writeFile(
      path.join(options.out, `${split}.lst`),
      lines.map((line) => `${line}\n`).join(''),
    );
  }
  return { out: options.out, labels, counts };
}
