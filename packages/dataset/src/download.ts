import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ChecksumMismatchError, DatasetArchiveError } from './errors.js';

/** Where CIFAR-100's binary version is published, and the MD5 its page gives for it. */
export const CIFAR100_BINARY = {
  url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz',
  md5: '03b5dce01913d631647c71ecec9e9cb8',
} as const;

/**
 * Downloads an archive to a file, reporting progress, and checks its MD5 against the published
 * one (CIFAR-100's page publishes MD5 sums).
 *
 * @throws ChecksumMismatchError when the file differs from the published checksum.
 */
export async function downloadArchive(
  url: string,
  file: string,
  {
    md5,
    onProgress,
  }: { md5?: string; onProgress?: (received: number, total: number | undefined) => void } = {},
): Promise<void> {
  const response = await fetch(url).catch((error: Error) => {
    throw new DatasetArchiveError(`Cannot download ${url}: ${error.message}.`);
  });
  if (!response.ok || !response.body)
    throw new DatasetArchiveError(`Cannot download ${url}: HTTP ${response.status}.`);
  const total = Number(response.headers.get('content-length')) || undefined;
  const hash = createHash('md5');
  let received = 0;
  const body = Readable.fromWeb(
    response.body as import('node:stream/web').ReadableStream<Uint8Array>,
  );
  body.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    received += chunk.length;
    onProgress?.(received, total);
  });
  await pipeline(body, createWriteStream(file));
  const actual = hash.digest('hex');
  const expected = md5 ?? (url === CIFAR100_BINARY.url ? CIFAR100_BINARY.md5 : undefined);
  if (expected && actual !== expected) {
    throw new ChecksumMismatchError(
      `${url} has MD5 ${actual}, not the published ${expected}: the download is corrupt or not the archive.`,
    );
  }
}
