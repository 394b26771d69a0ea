// The local S3 (s3rver, repaired) through the real AWS SDK, held to what the S3 documentation
// says: object keys (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html),
// ListObjectsV2 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html) and
// ListObjects (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html).
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandInput,
} from '@aws-sdk/client-s3';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type S3rver from 's3rver';
import { localS3Server } from '../../src/stack/s3/local-s3-server';
import { localS3Client } from './local-s3-client';

const BUCKET = 'scones-images';
let directory: string;
let server: S3rver;
let s3: S3Client;

async function start(): Promise<void> {
  server = localS3Server({ address: '127.0.0.1', port: 0, directory });
  const { port } = await server.run();
  s3 = localS3Client(port);
}

async function stop(): Promise<void> {
  s3.destroy();
  await server.close();
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'scones-local-s3-'));
  await start();
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => {
  await stop();
  await rm(directory, { recursive: true, force: true });
});

const put = (Key: string, Body: string | Uint8Array = Key) =>
  s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }));
const read = async (Key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key }))).Body!.transformToString();
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Every entry of a listing, page by page with continuation tokens, as a client pages it. */
async function listAll(input: Omit<ListObjectsV2CommandInput, 'Bucket'>) {
  const pages: { keys: string[]; prefixes: string[]; keyCount: number }[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, ...input, ContinuationToken }),
    );
    pages.push({
      keys: (page.Contents ?? []).map((object) => object.Key!),
      prefixes: (page.CommonPrefixes ?? []).map((prefix) => prefix.Prefix!),
      keyCount: page.KeyCount ?? 0,
    });
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return pages;
}

// Keys S3 allows (any UTF-8 up to 1,024 bytes) that a path cannot hold as s3rver mapped them.
const UNUSUAL_KEYS = [
  'double//slash.png',
  '/leading-slash.png',
  'folder/',
  '/',
  'a/./b.png',
  'up/../escape.png',
  '../../outside-the-bucket.png',
  'k'.repeat(240),
  'k'.repeat(245),
  `${'ü'.repeat(500)}.png`, // 1,004 bytes in one segment
  `deep/${'x/'.repeat(500)}end`, // 1,008 bytes in 502 segments
  "spaces and unicode ☃ '()!*+=&;$,?#[]@.png",
  'nul\u0000inside.png',
  'emoji 🛵 and \uE000 private use.png',
];

describe('object keys S3 allows (object-keys.html)', () => {
  beforeAll(async () => {
    for (const key of UNUSUAL_KEYS) await put(key);
  });

  it.each(UNUSUAL_KEYS.map((key) => [JSON.stringify(key).slice(0, 60), key]))(
    'stores and reads back %s',
    async (_name, key) => {
      expect(await read(key)).toBe(key);
    },
  );

  it('lists every one of them once, under its own key, in UTF-8 byte order', async () => {
    const [page] = await listAll({});
    expect(page.keys).toEqual([...UNUSUAL_KEYS].sort(byUtf8));
  });

  it('keeps every file inside the bucket folder, whatever `..` the keys hold', async () => {
    expect((await readdir(directory)).sort()).toEqual([BUCKET]);
  });

  it('refuses a key over 1,024 bytes with KeyTooLongError, and goes on serving', async () => {
    await expect(put('k'.repeat(1025))).rejects.toMatchObject({
      name: 'KeyTooLongError',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(put(`${'é'.repeat(512)}`)).resolves.toBeDefined(); // exactly 1,024 bytes
    expect(await read('double//slash.png')).toBe('double//slash.png');
  });

  it('copies to and deletes an unusual key, leaving no folder behind', async () => {
    await s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        CopySource: `${BUCKET}/${encodeURIComponent('k'.repeat(245))}`,
        Key: 'copy//of-long.png',
      }),
    );
    expect(await read('copy//of-long.png')).toBe('k'.repeat(245));
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'copy//of-long.png' }));
    await s3.send(
      new DeleteObjectCommand({ Bucket: BUCKET, Key: 'deep/' + 'x/'.repeat(500) + 'end' }),
    );
    await expect(read('copy//of-long.png')).rejects.toMatchObject({ name: 'NoSuchKey' });
    expect(await readdir(path.join(directory, BUCKET))).not.toContain('deep');
  });

  it('still lists and reads them all after a restart on the same folder', async () => {
    await stop();
    await start();
    const [page] = await listAll({ Prefix: 'k' });
    expect(page.keys).toEqual(['k'.repeat(240), 'k'.repeat(245)]);
    expect(await read('nul\u0000inside.png')).toBe('nul\u0000inside.png');
  });

  it('lists past what an older version left behind (an object file without its metadata)', async () => {
    // s3rver wrote the object of a 240-character key, then failed on its metadata file's name.
    await writeFile(path.join(directory, BUCKET, `${'o'.repeat(240)}._S3rver_object`), 'orphan');
    const [page] = await listAll({});
    expect(page.keys).toContain('folder/');
    expect(page.keys).not.toContain('o'.repeat(240));
  });
});

describe('ListObjectsV2 past 1,000 objects (API_ListObjectsV2.html)', () => {
  const PREFIX = 'incoming/2026-11-27/';
  const COUNT = 2_345;
  const keys = Array.from(
    { length: COUNT },
    (_, i) => `${PREFIX}${String(i).padStart(5, '0')}.png`,
  );

  beforeAll(async () => {
    for (let i = 0; i < keys.length; i += 50)
      await Promise.all(keys.slice(i, i + 50).map((key) => put(key, 'x')));
    // Folders beside the prefix, so that delimiter listings have common prefixes to roll up.
    await Promise.all(['a', 'b', 'c'].map((day) => put(`incoming/2026-11-2${day}/x.png`)));
  }, 120_000);

  it('pages 1,000 keys at a time, every key exactly once, in order', async () => {
    const pages = await listAll({ Prefix: PREFIX });
    expect(pages.map((page) => page.keys.length)).toEqual([1000, 1000, 345]);
    expect(pages.map((page) => page.keyCount)).toEqual([1000, 1000, 345]);
    expect(pages.flatMap((page) => page.keys)).toEqual(keys);
  });

  it('honours MaxKeys under 1,000 and caps it at 1,000, echoing what was asked', async () => {
    const small = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, MaxKeys: 7 }),
    );
    expect(small.Contents).toHaveLength(7);
    expect(small.IsTruncated).toBe(true);
    const large = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX, MaxKeys: 5000 }),
    );
    expect(large.Contents).toHaveLength(1000);
    expect(large.MaxKeys).toBe(5000);
  });

  it('counts common prefixes with keys against MaxKeys and never repeats one across pages', async () => {
    const pages = await listAll({ Prefix: 'incoming/', Delimiter: '/', MaxKeys: 2 });
    expect(pages.flatMap((page) => page.prefixes)).toEqual([
      'incoming/2026-11-27/',
      'incoming/2026-11-2a/',
      'incoming/2026-11-2b/',
      'incoming/2026-11-2c/',
    ]);
    expect(pages.every((page) => page.keys.length + page.prefixes.length <= 2)).toBe(true);
    expect(pages.map((page) => page.keyCount)).toEqual(
      pages.map((page) => page.keys.length + page.prefixes.length),
    );
  });

  it('starts after StartAfter', async () => {
    const [first] = await listAll({ Prefix: PREFIX, StartAfter: keys[2_339] });
    expect(first.keys).toEqual(keys.slice(2_340));
  });

  it('answers InvalidArgument for a continuation token it did not issue, or another bucket’s', async () => {
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: 'not-a-token' })),
    ).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
    await s3.send(new CreateBucketCommand({ Bucket: 'other-bucket' }));
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 1 }));
    await expect(
      s3.send(
        new ListObjectsV2Command({
          Bucket: 'other-bucket',
          ContinuationToken: page.NextContinuationToken,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' })),
    ).rejects.toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
  });

  it('URL-encodes keys and prefixes when asked (EncodingType url), as the AWS CLI asks', async () => {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'spaces', EncodingType: 'url' }),
    );
    expect(page.EncodingType).toBe('url');
    expect(page.Contents?.map((object) => decodeURIComponent(object.Key!))).toEqual([
      "spaces and unicode ☃ '()!*+=&;$,?#[]@.png",
    ]);
    expect(page.Contents?.[0].Key).not.toContain(' ');
  });

  it('pages ListObjects (version 1) with NextMarker when a delimiter is given', async () => {
    const page = await s3.send(
      new ListObjectsCommand({ Bucket: BUCKET, Prefix: 'incoming/', Delimiter: '/', MaxKeys: 1 }),
    );
    expect(page.CommonPrefixes).toEqual([{ Prefix: 'incoming/2026-11-27/' }]);
    expect(page).toMatchObject({ IsTruncated: true, NextMarker: 'incoming/2026-11-27/' });
  });
});

it('serves a folder made by hand beside the buckets (no stray file breaks a listing)', async () => {
  await mkdir(path.join(directory, BUCKET, 'hand-made'), { recursive: true });
  await writeFile(path.join(directory, BUCKET, 'hand-made', 'notes.txt'), 'not an object');
  const pages = await listAll({ Prefix: 'hand-made' });
  expect(pages).toEqual([{ keys: [], prefixes: [], keyCount: 0 }]);
});
