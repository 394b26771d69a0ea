import { InvalidConfigurationError, type Environment } from '@scones/contracts';
import { credentialsFromEnvironment } from './credentials.js';
import type { S3ReaderOptions } from './s3-object-reader.js';

/**
 * The reader's settings from the AWS SDK's standard variables, which Lambda sets: `AWS_REGION`
 * (or `AWS_DEFAULT_REGION`), the credentials, and optionally `AWS_ENDPOINT_URL_S3` (or
 * `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`),
 * `AWS_USE_FIPS_ENDPOINT` and `AWS_USE_DUALSTACK_ENDPOINT`.
 *
 * @example
 * const readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(process.env));
 */
export function s3ReaderOptionsFromEnvironment(env: Environment): S3ReaderOptions {
  const region = (env['AWS_REGION'] || env['AWS_DEFAULT_REGION'])?.trim();
  if (!region) {
    throw new InvalidConfigurationError(
      'AWS_REGION is not set: Lambda sets it; elsewhere, set it to the region of the bucket.',
    );
  }
  const endpoint =
    env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true'
      ? undefined
      : env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'];
  if (endpoint && !URL.canParse(endpoint)) {
    throw new InvalidConfigurationError(
      `AWS_ENDPOINT_URL_S3 must be a URL such as http://127.0.0.1:4569; got "${endpoint}".`,
    );
  }
  return {
    region,
    ...(endpoint ? { endpoint } : {}),
    useFips: env['AWS_USE_FIPS_ENDPOINT'] === 'true',
    useDualstack: env['AWS_USE_DUALSTACK_ENDPOINT'] === 'true',
    credentials: credentialsFromEnvironment(env),
  };
}
