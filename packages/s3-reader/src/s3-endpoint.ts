/** Which S3 endpoint to call, as the AWS SDK's standard settings describe it. */
export interface S3EndpointOptions {
  /** The bucket's region, e.g. `us-east-1`; requests are signed for it. */
  region: string;
  /**
   * A custom endpoint (`AWS_ENDPOINT_URL_S3`), e.g. `http://127.0.0.1:4569` for a local S3.
   * Requests to it are path-style: `{endpoint}/{bucket}/{key}`.
   */
  endpoint?: string;
  /** Use the FIPS endpoint (`AWS_USE_FIPS_ENDPOINT=true`). */
  useFips?: boolean;
  /** Use the dual-stack (IPv6) endpoint (`AWS_USE_DUALSTACK_ENDPOINT=true`). */
  useDualstack?: boolean;
}

/** Where one GetObject request goes. `path` is already URI-encoded, exactly as sent and signed. */
export interface S3RequestTarget {
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: number;
  path: string;
}

// A bucket name that can be a DNS label: virtual-hosted requests. Names with dots break the
// wildcard TLS certificate, so those (like the SDK) go path-style.
const DNS_COMPATIBLE_BUCKET = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/**
 * The request target for `GetObject` on `bucket`/`key`: virtual-hosted on AWS
 * (`https://{bucket}.s3.{region}.amazonaws.com/{key}`), path-style on a custom endpoint or for
 * bucket names that are not DNS labels. The key is encoded segment by segment (RFC 3986) and never
 * normalised: `a/../b` and `a//b` are keys of their own in S3.
 *
 * @example
 * s3RequestTarget({ bucket: 'scones-images', key: 'test/bicycle 1.png' }, { region: 'eu-west-1' });
 * // { protocol: 'https:', hostname: 'scones-images.s3.eu-west-1.amazonaws.com', path: '/test/bicycle%201.png' }
 */
export function s3RequestTarget(
  { bucket, key }: { bucket: string; key: string },
  options: S3EndpointOptions,
): S3RequestTarget {
  const encodedKey = encodeKey(key);
  if (options.endpoint) {
    const endpoint = new URL(options.endpoint);
    const basePath = endpoint.pathname.replace(/\/+$/, '');
    return {
      protocol: endpoint.protocol === 'http:' ? 'http:' : 'https:',
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
      path: `${basePath}/${encodeSegment(bucket)}/${encodedKey}`,
    };
  }
  const service = `s3${options.useFips ? '-fips' : ''}${options.useDualstack ? '.dualstack' : ''}`;
  const host = `${service}.${options.region}.${dnsSuffix(options.region)}`;
  return DNS_COMPATIBLE_BUCKET.test(bucket)
    ? { protocol: 'https:', hostname: `${bucket}.${host}`, path: `/${encodedKey}` }
    : { protocol: 'https:', hostname: host, path: `/${encodeSegment(bucket)}/${encodedKey}` };
}

/** The domain of the region's partition; other partitions can set `AWS_ENDPOINT_URL_S3`. */
function dnsSuffix(region: string): string {
  if (region.startsWith('cn-')) return 'amazonaws.com.cn';
  if (region.startsWith('us-isob-')) return 'sc2s.sgov.gov';
  if (region.startsWith('us-iso-')) return 'c2s.ic.gov';
  return 'amazonaws.com';
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeSegment).join('/');
}

// RFC 3986: encodeURIComponent leaves !'()* alone, SigV4 wants them encoded.
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
