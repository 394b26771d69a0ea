import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** An object as a ListObjectsV2 ItemReader hands it to the Map: `$$.Map.Item.Value`. */
export interface S3ObjectItem {
  Key: string;
  Size: number;
  ETag: string;
  LastModified: string;
  StorageClass: string;
}

/** Lists every object under a prefix, page by page, as the Distributed Map's ItemReader does. */
export async function listObjectItems(
  s3: S3Client,
  bucket: string,
  prefix: string,
  maxItems?: number,
): Promise<S3ObjectItem[]> {
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
}
