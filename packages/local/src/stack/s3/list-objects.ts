import { DUMMY_ACCOUNT } from 's3rver/lib/models/account';
import S3Error from 's3rver/lib/models/error';
import type S3Object from 's3rver/lib/models/object';
import { LocalObjectStore, type ListingPage } from './object-store.js';

/** What the handler reads of s3rver's request context (a Koa context). */
export interface ListRequest {
  params: { bucket: string };
  query: Record<string, string | undefined>;
  store: unknown;
  body?: unknown;
}

// S3 answers at most this many keys per page, whatever max-keys asks.
const PAGE_LIMIT = 1000;
const MAX_INT32 = 2147483647;

/**
 * GET Bucket, ListObjects and ListObjectsV2, as the S3 API reference documents them
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html): pages of at most 1,000
 * entries in UTF-8 order, keys and common prefixes counted together, opaque continuation tokens,
 * `encoding-type=url`. It stands in for s3rver's own handler, whose continuation tokens use
 * the DES cipher that OpenSSL 3 refuses, so every truncated listing answered `InternalError`.
 *
 * @example
 * // s3rver's router calls the controller's getBucket for each GET Bucket request:
 * require('s3rver/lib/controllers/bucket').getBucket = listObjects(original);
 */
export function listObjects(original: (ctx: never) => Promise<void>) {
  return async function getBucket(ctx: ListRequest): Promise<void> {
    // A plain s3rver (the store it was built with) keeps s3rver's own handler.
    if (!(ctx.store instanceof LocalObjectStore)) return original(ctx as never);
    ctx.body = await listBucket(ctx.store, ctx.params.bucket, ctx.query);
  };
}

async function listBucket(
  store: LocalObjectStore,
  bucket: string,
  query: ListRequest['query'],
): Promise<unknown> {
  const v2 = query['list-type'] === '2';
  const maxKeys = parseMaxKeys(query['max-keys']);
  const prefix = query['prefix'] ?? '';
  const delimiter = query['delimiter'] || undefined;
  const encoding = query['encoding-type'];
  if (encoding !== undefined && encoding !== 'url')
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', {
      ArgumentName: 'encoding-type',
      ArgumentValue: encoding,
    });
  const encode = (text: string) => (encoding === 'url' ? encodeURIComponent(text) : text);
  const start = v2 ? startOfV2(bucket, query) : startOfV1(query);

  const page: ListingPage =
    maxKeys === 0
      ? { keys: [], commonPrefixes: [], isTruncated: false }
      : await store.listPage(bucket, {
          prefix,
          delimiter,
          startAfter: start.after,
          startAfterIsCommonPrefix: start.isCommonPrefix,
          maxKeys: Math.min(maxKeys, PAGE_LIMIT),
        });
  const objects = await store.objectsOf(bucket, page.keys);
  const fetchOwner = v2 ? query['fetch-owner'] === 'true' : true;
  const position = v2
    ? {
        ContinuationToken: query['continuation-token'],
        // Echoed only for a first page, as S3 does.
        StartAfter:
          query['continuation-token'] === undefined && query['start-after'] !== undefined
            ? encode(query['start-after'])
            : undefined,
        KeyCount: objects.length + page.commonPrefixes.length,
        NextContinuationToken: page.next ? continuationToken(bucket, page.next) : undefined,
      }
    : {
        Marker: encode(query['marker'] ?? ''),
        // S3 returns NextMarker only with a delimiter; without one the last key is the marker.
        NextMarker: delimiter && page.next ? encode(page.next.after) : undefined,
      };
  return {
    ListBucketResult: {
      '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Name: bucket,
      Prefix: encode(prefix),
      ...position,
      MaxKeys: maxKeys,
      Delimiter: delimiter === undefined ? undefined : encode(delimiter),
      EncodingType: encoding,
      IsTruncated: page.isTruncated,
      Contents: objects.map((object) => contentsEntry(object, fetchOwner, encode)),
      CommonPrefixes: page.commonPrefixes.map((commonPrefix) => ({ Prefix: encode(commonPrefix) })),
    },
  };
}

function contentsEntry(object: S3Object, fetchOwner: boolean, encode: (text: string) => string) {
  return {
    Key: encode(object.key),
    LastModified: object.lastModifiedDate.toISOString(),
    ETag: object.metadata['etag'],
    Size: object.size,
    Owner: fetchOwner
      ? { ID: DUMMY_ACCOUNT.id, DisplayName: DUMMY_ACCOUNT.displayName }
      : undefined,
    StorageClass: 'STANDARD',
  };
}

interface ListStart {
  after?: string;
  isCommonPrefix?: boolean;
}

function startOfV2(bucket: string, query: ListRequest['query']): ListStart {
  if ('marker' in query)
    throw new S3Error('InvalidArgument', 'Marker unsupported with REST.GET.BUCKET in list-type=2', {
      ArgumentName: 'marker',
    });
  const token = query['continuation-token'];
  if (token === undefined) return { after: query['start-after'] };
  const position = readContinuationToken(token);
  if (!position || position.bucket !== bucket)
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
    });
  return position;
}

function startOfV1(query: ListRequest['query']): ListStart {
  if ('continuation-token' in query)
    throw new S3Error(
      'InvalidArgument',
      'continuation-token only supported in REST.GET.BUCKET with list-type=2',
      { ArgumentName: 'continuation-token' },
    );
  if ('start-after' in query)
    throw new S3Error(
      'InvalidArgument',
      'startAfter only supported in REST.GET.BUCKET with list-type=2',
      { ArgumentName: 'start-after' },
    );
  return { after: query['marker'] };
}

function parseMaxKeys(text: string | undefined): number {
  if (text === undefined || text === '') return PAGE_LIMIT;
  if (!/^-?\d+$/.test(text))
    throw new S3Error(
      'InvalidArgument',
      'Provided max-keys not an integer or within integer range',
      {
        ArgumentName: 'max-keys',
        ArgumentValue: text,
      },
    );
  const maxKeys = Number(text);
  if (maxKeys < 0 || maxKeys > MAX_INT32)
    throw new S3Error(
      'InvalidArgument',
      'Argument maxKeys must be an integer between 0 and 2147483647',
      {
        ArgumentName: 'maxKeys',
        ArgumentValue: text,
      },
    );
  return maxKeys;
}

/** An opaque token for the page after `next`: the bucket, where to go on, and how. */
function continuationToken(bucket: string, next: NonNullable<ListingPage['next']>): string {
  return Buffer.from(JSON.stringify([bucket, next.after, next.isCommonPrefix ? 1 : 0])).toString(
    'base64url',
  );
}

function readContinuationToken(
  token: string,
): { bucket: string; after: string; isCommonPrefix: boolean } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [bucket, after, isCommonPrefix] = value as unknown[];
    if (typeof bucket !== 'string' || typeof after !== 'string') return undefined;
    return { bucket, after, isCommonPrefix: isCommonPrefix === 1 };
  } catch {
    return undefined;
  }
}
