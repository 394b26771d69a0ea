// CIFAR-100 binary archives made by the tests, in the exact format. (Self-contained: every
// package's tests compile this folder, so it imports no workspace package.)
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/** 32x32 pixels as R, G and B planes. */
const CIFAR_PIXEL_BYTES = 3 * 32 * 32;
const FINE_LABEL_NAMES = Array.from({ length: 100 }, (_, i) => `class_${i}`);

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
    'cifar-100-binary/fine_label_names.txt': Buffer.from(`${FINE_LABEL_NAMES.join('\n')}\n`),
    ...members,
  };
  for (const [name, body] of Object.entries(all)) tar.entry({ name, size: body.length }, body);
  tar.finalize();
  await ended;
  const gz = gzipSync(Buffer.concat(chunks));
  await writeFile(file, gz);
  return gz;
}
