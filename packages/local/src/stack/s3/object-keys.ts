/**
 * S3 object keys as the local S3 stores them. S3 allows any UTF-8 key up to 1,024 bytes
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html); s3rver's store maps
 * a key to a path, one folder per `/`-separated segment, and a path cannot hold every key: a file
 * name has at most 255 bytes and no NUL, and `''`, `.` and `..` segments collapse or climb out.
 */

/** S3's limit on a key's length, in bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

// The longest name s3rver gives a key's files is the last segment plus '._S3rver_metadata.json'
// (22 bytes): 200 leaves room under the 255-byte limit of ext4, APFS and NTFS.
const MAX_SEGMENT_BYTES = 200;
// s3rver marks its own files and folders with this; a key segment containing it would be
// mistaken for one of them.
export const S3RVER_MARK = '._S3rver_';

/**
 * Whether a key can be kept at s3rver's path for it (`photos/a.png` as
 * `<bucket>/photos/a.png._S3rver_object`), readable as a folder tree. The others are kept by
 * their hash (see `LocalObjectStore`).
 *
 * @example
 * fitsAsPath('incoming/2026-11-27/4711.png'); // true
 * fitsAsPath('double//slash.png'); // false
 */
export function fitsAsPath(key: string): boolean {
  const segments = key.split('/');
  return segments.every(
    (segment, index) =>
      // A key ending in '/' (a "folder" object) is a file in that folder: '' is fine last.
      (segment !== '' || (index === segments.length - 1 && index > 0)) &&
      segment !== '.' &&
      segment !== '..' &&
      !segment.includes('\0') &&
      !segment.includes(S3RVER_MARK) &&
      Buffer.byteLength(segment) <= MAX_SEGMENT_BYTES,
  );
}

// UTF-16 order (JavaScript's `<`) is UTF-8 byte order except where a surrogate pair (a character
// above U+FFFF) meets a character in U+E000..U+FFFF.
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Orders keys as S3 lists them: by the bytes of their UTF-8 encoding.
 *
 * @example
 * ['b', 'a/c', 'a-c'].sort(compareKeys); // ['a-c', 'a/c', 'b']
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : 1;
}
