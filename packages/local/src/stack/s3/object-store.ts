import { createHash } from 'node:crypto';
import { createWriteStream, type Dirent } from 'node:fs';
import { mkdir, readdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import FilesystemStore from 's3rver/lib/stores/filesystem';
import S3Object from 's3rver/lib/models/object';
import { compareKeys, fitsAsPath, S3RVER_MARK } from './object-keys.js';

const OBJECT_SUFFIX = `${S3RVER_MARK}object`;
// Where a bucket keeps the keys that do not fit as a path, one set of files per key, named by
// the key's SHA-256. Its name holds s3rver's mark, so no key that fits as a path can clash with it.
const HELD_KEYS = `${S3RVER_MARK}keys`;

/** One page of a listing, in S3's order: keys and common prefixes together. */
export interface ListingPage {
  keys: string[];
  commonPrefixes: string[];
  /** More entries follow; `next` is where the following page starts (after it). */
  isTruncated: boolean;
  next?: { after: string; isCommonPrefix: boolean };
}

export interface ListingRequest {
  prefix?: string;
  delimiter?: string;
  /** List only what comes after this key... */
  startAfter?: string;
  /** ...and, when it is a common prefix, after everything under it. */
  startAfterIsCommonPrefix?: boolean;
  maxKeys: number;
}

/**
 * s3rver's filesystem store, made to hold every key S3 allows and to list them as S3 does.
 * Keys that fit as a path keep s3rver's layout (`<bucket>/photos/a.png._S3rver_object`, readable
 * in a file browser and by `scones monitor`); the others (an empty, `.` or `..` segment, a
 * segment over 200 bytes, NUL) are kept under `<bucket>/._S3rver_keys/<sha256>._S3rver_*`, with
 * the key itself in a `._S3rver_key` file. Listings walk the folders in S3's order (UTF-8 bytes)
 * and skip what cannot be in the page, so a page costs what it returns plus the folders on the
 * way, not the whole bucket. A write that fails answers an error; it never ends the process.
 */
export class LocalObjectStore extends FilesystemStore {
  override getResourcePath(bucket: string, key: string | undefined, resource: string): string {
    if (!key || fitsAsPath(key)) return super.getResourcePath(bucket, key, resource);
    const name = createHash('sha256').update(key).digest('hex');
    return path.join(this.getBucketPath(bucket), HELD_KEYS, `${name}${S3RVER_MARK}${resource}`);
  }

  override async getMetadata(bucket: string, key: string) {
    const metadata = await super.getMetadata(bucket, key).catch((error: NodeJS.ErrnoException) => {
      // An object left without its side files by an earlier version (a name too long for the
      // file system): absent, rather than a listing that fails on it forever.
      if (error.code === 'ENAMETOOLONG') throw Object.assign(error, { code: 'ENOENT' });
      throw error;
    });
    return metadata;
  }

  override async putObject(object: S3Object): Promise<{ size: number; md5: string }> {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(path.dirname(objectPath), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    if (Buffer.isBuffer(object.content)) {
      md5.update(object.content);
      size = object.content.length;
      await writeFile(objectPath, object.content);
    } else if (object.content) {
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          md5.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      await pipeline(object.content, measure, createWriteStream(objectPath));
    }
    const digest = md5.digest('hex');
    if (!fitsAsPath(object.key))
      await writeFile(this.getResourcePath(object.bucket, object.key, 'key'), object.key);
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  }

  override async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata?: Record<string, string>,
  ) {
    await mkdir(path.dirname(this.getResourcePath(destBucket, destKey, 'object')), {
      recursive: true,
    });
    const metadata = await super.copyObject(
      srcBucket,
      srcKey,
      destBucket,
      destKey,
      replacementMetadata,
    );
    if (!fitsAsPath(destKey))
      await writeFile(this.getResourcePath(destBucket, destKey, 'key'), destKey);
    return metadata;
  }

  override async deleteObject(bucket: string, key: string): Promise<void> {
    const files = ['object', 'object.md5', 'metadata.json', 'key'].map((resource) =>
      this.getResourcePath(bucket, key, resource),
    );
    await Promise.all(files.map((file) => unlink(file).catch(ignore('ENOENT'))));
    // Remove the folders the key leaves empty, up to the bucket's.
    const bucketPath = this.getBucketPath(bucket);
    for (let dir = path.dirname(files[0]); dir.startsWith(`${bucketPath}${path.sep}`); ) {
      const removed = await rmdir(dir).then(
        () => true,
        () => false,
      );
      if (!removed) break;
      dir = path.dirname(dir);
    }
  }

  override async listObjects(
    bucket: string,
    options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
  ) {
    const page = await this.listPage(bucket, { ...options, maxKeys: options.maxKeys ?? 1000 });
    return {
      objects: await this.objectsOf(bucket, page.keys),
      commonPrefixes: page.commonPrefixes,
      isTruncated: page.isTruncated,
    };
  }

  /** The S3Object (metadata, no content) of each key, leaving out any deleted meanwhile. */
  async objectsOf(bucket: string, keys: readonly string[]): Promise<S3Object[]> {
    const objects = await Promise.all(
      keys.map((key) =>
        this.getMetadata(bucket, key).then(
          (metadata) => new S3Object(bucket, key, null, metadata),
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') return undefined;
            throw error;
          },
        ),
      ),
    );
    return objects.filter((object) => object !== undefined);
  }

  /**
   * One page of the bucket's keys and common prefixes, as ListObjectsV2 defines it: in UTF-8
   * order, keys under `prefix` after `startAfter`, those that contain `delimiter` after the
   * prefix rolled up into one common prefix each, at most `maxKeys` entries of both together.
   */
  async listPage(bucket: string, request: ListingRequest): Promise<ListingPage> {
    const prefix = request.prefix ?? '';
    const delimiter = request.delimiter ?? '';
    const walk = new WalkBounds(
      prefix,
      request.startAfter ?? '',
      request.startAfterIsCommonPrefix ? request.startAfter : undefined,
    );
    const page: ListingPage = { keys: [], commonPrefixes: [], isTruncated: false };
    let last: ListingPage['next'];
    for await (const key of this.keysInOrder(bucket, walk)) {
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      const entry = cut === -1 ? key : key.slice(0, cut + delimiter.length);
      if (page.keys.length + page.commonPrefixes.length === request.maxKeys) {
        page.isTruncated = true;
        break;
      }
      if (cut === -1) page.keys.push(key);
      else {
        page.commonPrefixes.push(entry);
        // Everything else under this common prefix is rolled up into it: do not walk it.
        walk.skipUnder = entry;
      }
      last = { after: entry, isCommonPrefix: cut !== -1 };
    }
    if (page.isTruncated) page.next = last;
    return page;
  }

  /** Every key under the bounds, in S3's order, read from the folders lazily. */
  private async *keysInOrder(bucket: string, bounds: WalkBounds): AsyncGenerator<string> {
    const bucketPath = this.getBucketPath(bucket);
    const held = await this.heldKeys(bucketPath);
    let next = 0;
    for await (const key of this.walk(bucketPath, '', bounds)) {
      for (; next < held.length && compareKeys(held[next], key) < 0; next++)
        if (bounds.includes(held[next])) yield held[next];
      yield key;
    }
    for (; next < held.length; next++) if (bounds.includes(held[next])) yield held[next];
  }

  private async *walk(dir: string, keyPrefix: string, bounds: WalkBounds): AsyncGenerator<string> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(
      ignore('ENOENT', [] as Dirent[]),
    );
    const items: { key: string; folder?: string }[] = [];
    for (const entry of entries) {
      const segment = FilesystemStore.decodeKeyPath(entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.includes(S3RVER_MARK))
          items.push({ key: `${keyPrefix}${segment}/`, folder: path.join(dir, entry.name) });
      } else if (entry.name.endsWith(OBJECT_SUFFIX)) {
        const key = `${keyPrefix}${segment.slice(0, -OBJECT_SUFFIX.length)}`;
        // A file at a path the store does not use for its key is a leftover: not an object.
        if (fitsAsPath(key)) items.push({ key });
      }
    }
    items.sort((a, b) => compareKeys(a.key, b.key));
    for (const { key, folder } of items) {
      if (folder === undefined) {
        if (bounds.includes(key)) yield key;
      } else if (bounds.mayHoldKeysUnder(key)) {
        yield* this.walk(folder, key, bounds);
      }
    }
  }

  private async heldKeys(bucketPath: string): Promise<string[]> {
    const dir = path.join(bucketPath, HELD_KEYS);
    const names = await readdir(dir).catch(ignore('ENOENT', [] as string[]));
    const keys = await Promise.all(
      names
        .filter((name) => name.endsWith(`${S3RVER_MARK}key`))
        .map((name) => readFile(path.join(dir, name), 'utf8')),
    );
    return keys.sort(compareKeys);
  }
}

/** Which keys a listing still wants as it walks; `skipUnder` moves as common prefixes fill. */
class WalkBounds {
  constructor(
    readonly prefix: string,
    readonly after: string,
    public skipUnder: string | undefined,
  ) {}

  includes(key: string): boolean {
    return (
      key.startsWith(this.prefix) &&
      compareKeys(key, this.after) > 0 &&
      !(this.skipUnder !== undefined && key.startsWith(this.skipUnder))
    );
  }

  /** Whether a folder (every key under it starts with `folderKey`) may hold a wanted key. */
  mayHoldKeysUnder(folderKey: string): boolean {
    if (!folderKey.startsWith(this.prefix) && !this.prefix.startsWith(folderKey)) return false;
    if (this.skipUnder !== undefined && folderKey.startsWith(this.skipUnder)) return false;
    // Below `after` and not on its way: then every key under the folder is below it too.
    return compareKeys(folderKey, this.after) > 0 || this.after.startsWith(folderKey);
  }
}

/** A rejection handler that turns one error code into a value and rethrows the rest. */
function ignore<T = undefined>(
  code: string,
  value: T = undefined as T,
): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === code) return value;
    throw error;
  };
}
