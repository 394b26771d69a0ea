import { DATA_CAPTURE } from '@scones/contracts';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const S3RVER_OBJECT_SUFFIX = '._S3rver_object';

/**
 * The keys of the capture files the local stack wrote, read from local S3's folder (after the
 * stack has stopped), oldest first.
 */
export async function listCaptures(dataDir: string, bucket: string): Promise<string[]> {
  const root = path.join(dataDir, 's3', bucket);
  const entries = await readdir(path.join(root, DATA_CAPTURE.prefix), {
    recursive: true,
    withFileTypes: true,
  }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(`.jsonl${S3RVER_OBJECT_SUFFIX}`))
    .map((entry) =>
      path
        .relative(root, path.join(entry.parentPath, entry.name))
        .slice(0, -S3RVER_OBJECT_SUFFIX.length),
    )
    .sort();
}
