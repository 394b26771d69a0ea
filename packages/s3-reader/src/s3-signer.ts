import { SignatureV4 } from '@smithy/signature-v4';
import type { CredentialsSource } from './credentials.js';
import { NodeSha256 } from './sha256.js';

/**
 * The AWS SDK's SigV4 signer, set up as the SDK's S3 client sets it up: the path is signed as
 * sent (encoded once, never normalised) and the payload hash goes in `x-amz-content-sha256`.
 *
 * @example
 * const signed = await s3Signer('eu-west-1', credentials).sign({ method: 'GET', protocol: 'https:', hostname, path, query: {}, headers: { host: hostname } });
 */
export function s3Signer(region: string, credentials: CredentialsSource): SignatureV4 {
  return new SignatureV4({
    service: 's3',
    region,
    credentials: async () => credentials(),
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: true,
  });
}
