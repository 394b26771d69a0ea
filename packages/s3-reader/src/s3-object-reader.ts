import http from 'node:http';
import https from 'node:https';
import { imageTooLarge, type ObjectReader } from '@scones/contracts';
import type { CredentialsSource } from './credentials.js';
import { getObjectOnce, type ConnectionPools } from './object-get.js';
import { s3RequestTarget, type S3EndpointOptions } from './s3-endpoint.js';
import { isTransientStorageError, toObjectReadError } from './s3-errors.js';
import { s3Signer } from './s3-signer.js';

/** Settings of {@link createS3ObjectReader}. */
export interface S3ReaderOptions extends S3EndpointOptions {
  credentials: CredentialsSource;
  /** Attempts per read, the first included; transient failures only are retried. Default 3. */
  maxAttempts?: number;
  /** One attempt, request to last byte. Default 5,000 ms. */
  attemptTimeoutMs?: number;
  /** Opening a connection. Default 2,000 ms. */
  connectTimeoutMs?: number;
  /** First retry waits up to this, doubling each time (full jitter, capped at 20 s). Default 100 ms. */
  retryBaseDelayMs?: number;
}

const MAX_RETRY_DELAY_MS = 20_000;

/** What a reader does when its options leave them out. */
export const S3_READER_DEFAULTS = {
  maxAttempts: 3,
  attemptTimeoutMs: 5_000,
  connectTimeoutMs: 2_000,
  retryBaseDelayMs: 100,
} as const;

/**
 * The longest a read can take, every attempt timing out and every backoff at its ceiling: what
 * a function's timeout must exceed.
 *
 * @example
 * maxReadDurationMs({}); // 15_300: three attempts of 5 s, and waits of at most 100 and 200 ms
 */
export function maxReadDurationMs(
  options: Pick<S3ReaderOptions, 'maxAttempts' | 'attemptTimeoutMs' | 'retryBaseDelayMs'>,
): number {
  const attempts = options.maxAttempts ?? S3_READER_DEFAULTS.maxAttempts;
  const base = options.retryBaseDelayMs ?? S3_READER_DEFAULTS.retryBaseDelayMs;
  let total = attempts * (options.attemptTimeoutMs ?? S3_READER_DEFAULTS.attemptTimeoutMs);
  for (let retry = 1; retry < attempts; retry += 1) {
    total += Math.min(MAX_RETRY_DELAY_MS, base * 2 ** (retry - 1));
  }
  return total;
}

/**
 * An {@link ObjectReader} that reads a whole S3 object with one SigV4-signed GET per attempt:
 * what a step Lambda needs of S3, without the AWS SDK's S3 client (which weighs about 300 KiB
 * bundled and is most of a cold start). Like the SDK, it retries throttling, 5xx answers and
 * failed or stalled connections (three attempts, full-jitter backoff), and reports what is left
 * as the workflow's named errors, `StorageUnavailableError` being the retryable one. An object
 * over `maxBytes` is refused from its Content-Length, before it is downloaded.
 *
 * @example
 * const readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(process.env));
 * const bytes = await readObject({ bucket: 'scones-images', key: 'test/bicycle.png', maxBytes: 6_291_456 });
 */
export function createS3ObjectReader(options: S3ReaderOptions): ObjectReader {
  const signer = s3Signer(options.region, options.credentials);
  const pools: ConnectionPools = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  const maxAttempts = options.maxAttempts ?? S3_READER_DEFAULTS.maxAttempts;
  const limits = {
    timeoutMs: options.attemptTimeoutMs ?? S3_READER_DEFAULTS.attemptTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs ?? S3_READER_DEFAULTS.connectTimeoutMs,
  };
  const baseDelayMs = options.retryBaseDelayMs ?? S3_READER_DEFAULTS.retryBaseDelayMs;

  return async ({ bucket, key, maxBytes }) => {
    const location = { bucket, key };
    const target = s3RequestTarget(location, options);
    const host = target.port ? `${target.hostname}:${target.port}` : target.hostname;
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          const signed = await signer.sign({
            method: 'GET',
            protocol: target.protocol,
            hostname: target.hostname,
            ...(target.port ? { port: target.port } : {}),
            path: target.path,
            query: {},
            headers: { host },
          });
          const outcome = await getObjectOnce(
            target,
            signed.headers,
            { ...limits, maxBytes },
            pools,
          );
          if ('tooLarge' in outcome) throw imageTooLarge(location, outcome.tooLarge, maxBytes);
          return outcome.bytes;
        } catch (error) {
          if (attempt >= maxAttempts || !isTransientStorageError(error)) throw error;
          const ceiling = Math.min(MAX_RETRY_DELAY_MS, baseDelayMs * 2 ** (attempt - 1));
          await new Promise((wake) => setTimeout(wake, Math.random() * ceiling));
        }
      }
    } catch (error) {
      throw toObjectReadError(error, location);
    }
  };
}
