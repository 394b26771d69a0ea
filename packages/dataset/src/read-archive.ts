import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { CIFAR_RECORD_BYTES, type CifarRecord } from './cifar.js';
import { DatasetArchiveError } from './errors.js';

export type Split = 'train' | 'test';

/** The images of one split whose fine label is wanted, with how many records were read in all. */
export interface SplitRecords {
  records: CifarRecord[];
  total: number;
}

/**
 * Streams a CIFAR-100 binary archive (`cifar-100-binary.tar.gz`: gzip, tar, then `train.bin` and
 * `test.bin` of 3,074-byte records) and keeps the records whose fine label is wanted. Only the
 * kept records are held in memory.
 *
 * @throws DatasetArchiveError for anything that is not a complete archive in that format.
 */
export async function readCifarArchive(
  archive: Readable,
  fineLabels: readonly number[],
): Promise<Record<Split, SplitRecords>> {
  const wanted = new Set(fineLabels);
  const splits: Partial<Record<Split, SplitRecords>> = {};
  const tar = extract();
  const gunzip = createGunzip();
  const failed = new Promise<never>((_, reject) => {
    const fail = (what: string) => (error: Error) =>
      reject(
        new DatasetArchiveError(
          `${what}: ${error.message}. Is it cifar-100-binary.tar.gz, complete?`,
        ),
      );
    archive.on('error', fail('Cannot read the archive'));
    gunzip.on('error', fail('Not a gzip archive, or truncated'));
    tar.on('error', fail('Not a tar archive, or truncated'));
  });
  archive.pipe(gunzip).pipe(tar);

  const entries = (async () => {
    for await (const entry of tar) {
      const name = entry.header.name.split('/').at(-1);
      const split: Split | undefined =
        name === 'train.bin' ? 'train' : name === 'test.bin' ? 'test' : undefined;
      if (!split) {
        entry.resume();
        continue;
      }
      const size = entry.header.size ?? 0;
      if (size % CIFAR_RECORD_BYTES !== 0) {
        throw new DatasetArchiveError(
          `${entry.header.name} is ${size} bytes, not a whole number of ${CIFAR_RECORD_BYTES}-byte records.`,
        );
      }
      splits[split] = await readRecords(entry as AsyncIterable<Buffer>, wanted);
    }
  })();
  await Promise.race([entries, failed]);
  if (!splits.train || !splits.test) {
    throw new DatasetArchiveError(
      `The archive has no ${!splits.train ? 'train.bin' : 'test.bin'}: is it the binary version of CIFAR-100?`,
    );
  }
  return splits as Record<Split, SplitRecords>;
}

async function readRecords(
  entry: AsyncIterable<Buffer>,
  wanted: Set<number>,
): Promise<SplitRecords> {
  const records: CifarRecord[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  for await (const chunk of entry) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let offset = 0;
    for (; offset + CIFAR_RECORD_BYTES <= pending.length; offset += CIFAR_RECORD_BYTES, index++) {
      const fineLabel = pending[offset + 1];
      if (wanted.has(fineLabel)) {
        records.push({
          index,
          coarseLabel: pending[offset],
          fineLabel,
          planes: Uint8Array.from(pending.subarray(offset + 2, offset + CIFAR_RECORD_BYTES)),
        });
      }
    }
    pending = pending.subarray(offset);
  }
  if (pending.length)
    throw new DatasetArchiveError(
      `A record is cut short after ${index} records: the archive is truncated.`,
    );
  return { records, total: index };
}
