import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Uploads a prepared dataset to `s3://bucket/prefix/` in the channels SageMaker's
 * image-classification algorithm reads: `train/`, `validation/` (the test split), `train_lst/`
 * and `validation_lst/`.
 *
 * @example
 * await uploadDataset(new S3Client({}), 'data/cifar100-bikes', 's3://scones-images/training');
 */
export async function uploadDataset(
  s3: S3Client,
  folder: string,
  destination: string,
  onProgress?: (uploaded: number, total: number) => void,
): Promise<number> {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(destination);
  if (!match) throw new Error(`Not an S3 URI: "${destination}" (expected s3://bucket/prefix).`);
  const [, bucket, rawPrefix] = match;
  const prefix = rawPrefix.replace(/\/$/, '');
  const key = (relative: string) => (prefix ? `${prefix}/${relative}` : relative);
  const files: [string, string][] = [];
  for (const [split, channel] of [
    ['train', 'train'],
    ['test', 'validation'],
  ] as const) {
    for (const name of (await readdir(path.join(folder, split))).sort())
      files.push([path.join(folder, split, name), key(`${channel}/${name}`)]);
    files.push([path.join(folder, `${split}.lst`), key(`${channel}_lst/${channel}.lst`)]);
  }
  let uploaded = 0;
  for (const [file, objectKey] of files) {
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: await readFile(file) }),
    );
    onProgress?.(++uploaded, files.length);
  }
  return uploaded;
}
