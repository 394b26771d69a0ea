import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** The capture source named does not exist: no such folder, or no such bucket. */
export class CaptureSourceError extends Error {
  override readonly name = 'CaptureSourceError';
}

/** One line of a capture file, with where it came from. */
export interface CaptureLine {
  file: string;
  lineNumber: number;
  text: string;
}

// s3rver (the local S3) keeps each object in a file with this suffix.
const CAPTURE_FILE = /\.jsonl(\._S3rver_object)?$/;

/**
 * Streams the lines of every data-capture file (`*.jsonl`) under a folder, recursively, or under
 * an `s3://bucket/prefix` through the AWS SDK (so a local S3 works the same), file by file in
 * name order (their names start with the time of writing).
 *
 * @example
 * for await (const line of captureLines('s3://scones-images/data_capture', { s3 })) console.log(line.file, line.lineNumber);
 */
export async function* captureLines(
  source: string,
  options: { s3?: S3Client } = {},
): AsyncGenerator<CaptureLine> {
  const s3Uri = /^s3:\/\/([^/]+)\/?(.*)$/.exec(source);
  if (s3Uri) {
    if (!options.s3) throw new Error(`Reading ${source} needs an S3 client.`);
    yield* s3Lines(options.s3, s3Uri[1], s3Uri[2]);
    return;
  }
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new CaptureSourceError(`No such folder: ${source}`);
  const files = info.isFile()
    ? [source]
    : (await readdir(source, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && CAPTURE_FILE.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
  for (const file of files)
    yield* lines(file.replace(/\._S3rver_object$/, ''), createReadStream(file));
}

async function* s3Lines(s3: S3Client, bucket: string, prefix: string): AsyncGenerator<CaptureLine> {
  let token: string | undefined;
  do {
    const page = await s3
      .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }))
      .catch((error: { name?: string }) => {
        // S3's error code, the documented way to tell this case apart.
        if (error.name === 'NoSuchBucket')
          throw new CaptureSourceError(`No such bucket: ${bucket} (in s3://${bucket}/${prefix}).`);
        throw error;
      });
    const keys = (page.Contents ?? [])
      .map((object) => object.Key ?? '')
      .filter((key) => key.endsWith('.jsonl'))
      .sort();
    for (const key of keys) {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      yield* lines(`s3://${bucket}/${key}`, object.Body as Readable);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

async function* lines(file: string, stream: Readable): AsyncGenerator<CaptureLine> {
  let lineNumber = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (text.trim() !== '') yield { file, lineNumber, text };
  }
}
