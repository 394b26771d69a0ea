import { S3Client } from '@aws-sdk/client-s3';
import {
  DEFAULT_FINE_LABELS,
  downloadArchive,
  prepareDataset,
  uploadDataset,
  type PreparedDataset,
} from '@scones/dataset';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { awsClientConfig } from './aws-setup.js';

export interface DatasetPrepareOptions {
  from: string;
  out: string;
  classes?: string;
  upload?: string;
  progress: (done: number, total: number) => void;
  log: (line: string) => void;
}

/** Parses `--classes 8,48`: CIFAR-100 fine labels, in the order they become classes 0, 1, ... */
export function parseClasses(value: string | undefined): number[] {
  if (!value) return [...DEFAULT_FINE_LABELS];
  const classes = value.split(',').map((part) => Number(part.trim()));
  if (
    classes.length < 2 ||
    classes.some((c) => !Number.isInteger(c) || c < 0 || c > 99) ||
    new Set(classes).size !== classes.length
  ) {
    throw new Error(
      `--classes must list two or more different CIFAR-100 fine labels (0 to 99), e.g. 8,48; got "${value}".`,
    );
  }
  return classes;
}

/** `scones dataset prepare`: download (when a URL) and check, unpack the chosen classes, upload. */
export async function datasetPrepare(options: DatasetPrepareOptions): Promise<PreparedDataset> {
  const fineLabels = parseClasses(options.classes);
  let archive = options.from;
  let downloaded: string | undefined;
  if (/^https?:\/\//.test(options.from)) {
    downloaded = await mkdtemp(path.join(tmpdir(), 'cifar-'));
    archive = path.join(downloaded, 'cifar-100-binary.tar.gz');
    options.log(`Downloading ${options.from}...`);
    await downloadArchive(options.from, archive, {
      onProgress: (received, total) => total && options.progress(received, total),
    });
  }
  try {
    options.log(`Unpacking classes ${fineLabels.join(', ')} into ${options.out}...`);
    const prepared = await prepareDataset({
      archive,
      out: options.out,
      fineLabels,
      onProgress: options.progress,
    });
    if (options.upload) {
      options.log(`Uploading to ${options.upload}...`);
      const s3 = new S3Client(awsClientConfig());
      try {
        await uploadDataset(s3, options.out, options.upload, options.progress);
      } finally {
        s3.destroy();
      }
    }
    return prepared;
  } finally {
    if (downloaded) await rm(downloaded, { recursive: true, force: true });
  }
}
