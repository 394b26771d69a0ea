// CIFAR-100 binary archives made by the tests, in the exact format.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { CIFAR100_FINE_LABELS, CIFAR_PIXEL_BYTES } from '@scones/dataset';

export interface TestRecord {
  coarse: number;
  fine: number;
  planes: Buffer;
}

export function randomRecords(fineLabels: number[]): TestRecord[] {
  return fineLabels.map((fine) => ({
    coarse: fine % 20,
    fine,
    planes: randomBytes(CIFAR_PIXEL_BYTES),
  }));
}

export function recordsBin(records: TestRecord[]): Buffer {
  return Buffer.concat(
    records.map((r) => Buffer.concat([Buffer.from([r.coarse, r.fine]), r.planes])),
  );
}

/** A gzipped tar like cifar-100-binary.tar.gz, with the members given (defaults: both splits and the label names). */
export async function writeArchive(file: string, members: Record<string, Buffer>): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => tar.on('end', resolve));
  const all = {
    'cifar-100-binary/fine_label_names.txt': Buffer.from(`${CIFAR100_FINE_LABELS.join('\n')}\n`),
    ...members,
  };
  for (const [name, body] of Object.entries(all)) tar.entry({ name, size: body.length }, body);
  tar.finalize();
  await ended;
  const gz = gzipSync(Buffer.concat(chunks));
  await writeFile(file, gz);
  return gz;
}
