import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { ItemReader } from '@scones/executor';

/** An object as a ListObjectsV2 ItemReader hands it to the Map: `$$.Map.Item.Value`. */
export interface S3ObjectItem {
  Key: string;
  Size: number;
  ETag: string;
  LastModified: string;
  StorageClass: string;
}

const LIST_OBJECTS_V2 = 'arn:aws:states:::s3:listObjectsV2';

/**
 * The ItemReader `arn:aws:states:::s3:listObjectsV2` on an S3 client: every object under the
 * Parameters' Bucket and Prefix, page by page, folder markers (keys ending in `/`) left out, at
 * most ReaderConfig.MaxItems.
 *
 * @example
 * runDistributedMap({ ...options, readItems: s3ItemReader(stack.s3) });
 */
export function s3ItemReader(s3: S3Client): ItemReader {
  return async ({ resource, parameters, maxItems }) => {
    if (resource !== LIST_OBJECTS_V2)
      throw new Error(`The local ItemReader reads ${LIST_OBJECTS_V2}, not ${resource}.`);
    const bucket = String(parameters['Bucket']);
    const prefix = String(parameters['Prefix'] ?? '');
    const items: S3ObjectItem[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || object.Key.endsWith('/')) continue;
        items.push({
          Key: object.Key,
          Size: object.Size ?? 0,
          ETag: object.ETag ?? '',
          LastModified: object.LastModified?.toISOString() ?? '',
          StorageClass: object.StorageClass ?? 'STANDARD',
        });
        if (maxItems && items.length >= maxItems) return items;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return items;
  };
}
