import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where capture files go: `write` stores one file at a path relative to the capture root. */
export interface CaptureSink {
  readonly description: string;
  write(relativePath: string, contents: string): Promise<void>;
}

/**
 * Capture files in a local folder.
 *
 * @example
 * const sink = folderSink('.scones/data_capture');
 */
export function folderSink(root: string): CaptureSink {
  return {
    description: root,
    async write(relativePath, contents) {
      const file = path.join(root, relativePath);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, contents);
    },
  };
}

/**
 * Capture files in S3 under a prefix, as SageMaker writes them (`DestinationS3Uri`).
 *
 * @example
 * const sink = s3Sink(new S3Client({}), 's3://scones-images/data_capture');
 */
export function s3Sink(client: S3Client, destination: string): CaptureSink {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(destination);
  if (!match) throw new Error(`Not an S3 URI: "${destination}" (expected s3://bucket/prefix).`);
  const [, bucket, prefix] = match;
  return {
    description: destination,
    async write(relativePath, contents) {
      const key = prefix ? `${prefix.replace(/\/$/, '')}/${relativePath}` : relativePath;
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: contents,
          ContentType: 'application/jsonlines',
        }),
      );
    },
  };
}
