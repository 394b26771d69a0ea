/**
 * The other names real deployments of the original system gave the payload's fields, mapped to
 * ours: `bucket` and `key`, `image_url` (a key, an `s3://` URI or an S3 object URL), and
 * `confidence` holding the list of probabilities. The alias keys themselves stay, like every key
 * a step does not know; the canonical field wins where both are given.
 *
 * @example
 * withCanonicalNames({ bucket: 'scones-images', key: 'test/bicycle.png' });
 * // { bucket: 'scones-images', key: 'test/bicycle.png', s3_bucket: 'scones-images', s3_key: 'test/bicycle.png' }
 */
export function withCanonicalNames(record: Record<string, unknown>): Record<string, unknown> {
  const named: Record<string, unknown> = { ...record };
  if (isMissing(named['s3_bucket']) && typeof named['bucket'] === 'string')
    named['s3_bucket'] = named['bucket'];
  if (isMissing(named['s3_key']) && typeof named['key'] === 'string')
    named['s3_key'] = named['key'];
  if (isMissing(named['s3_key']) && typeof named['image_url'] === 'string') {
    const location = locationOfImageUrl(named['image_url']);
    named['s3_key'] = location.key;
    if (isMissing(named['s3_bucket']) && location.bucket) named['s3_bucket'] = location.bucket;
  }
  // Some classifiers return the probabilities as `confidence`; ours is the top probability.
  if (Array.isArray(named['confidence']) || typeof named['confidence'] === 'string') {
    if (isMissing(named['inferences'])) named['inferences'] = named['confidence'];
    delete named['confidence'];
  }
  return named;
}

/** A value a step treats as not given: absent, null, '' or an empty list. */
export function isMissing(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === '[]' ||
    (Array.isArray(value) && value.length === 0)
  );
}

const S3_URI = /^s3:\/\/([^/]+)\/(.+)$/;
// https://<bucket>.s3[.<region>].amazonaws.com/<key> and https://s3[.<region>].amazonaws.com/<bucket>/<key>
const VIRTUAL_HOSTED =
  /^https:\/\/([^./]+(?:\.[^./]+)*?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/(.+)$/;
const PATH_STYLE = /^https:\/\/s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/([^/]+)\/(.+)$/;

function locationOfImageUrl(url: string): { bucket?: string; key: string } {
  const [, bucket, key] = S3_URI.exec(url) ?? [];
  if (bucket && key) return { bucket, key };
  const [, hostedBucket, path] = VIRTUAL_HOSTED.exec(url) ?? PATH_STYLE.exec(url) ?? [];
  if (hostedBucket && path)
    return { bucket: hostedBucket, key: decodeURIComponent(path.replace(/\?.*$/, '')) };
  return { key: url };
}
