import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import type { Environment } from '@scones/contracts';
import { ENDPOINT_CONNECT_TIMEOUT_MS } from './config.js';

/**
 * A SageMaker runtime client for what an environment names, as the AWS SDK reads the same
 * variables: `AWS_REGION` (or `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME` (or
 * `AWS_ENDPOINT_URL`, unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`), the credentials and
 * `AWS_MAX_ATTEMPTS`. What it leaves unset (no credentials in the environment: an instance or
 * task role) is found by the SDK's default chain. Each attempt is capped so that the SDK's
 * attempts, with a read from S3 before them, end before the function's 45 s timeout (which
 * itself ends before the state's 60 s).
 *
 * @example
 * const runtime = sageMakerRuntimeClient({ AWS_REGION: 'eu-west-1' }, 5_000);
 */
export function sageMakerRuntimeClient(
  env: Environment,
  attemptTimeoutMs: number,
): SageMakerRuntimeClient {
  const region = (env['AWS_REGION'] || env['AWS_DEFAULT_REGION'])?.trim();
  const endpoint =
    env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] === 'true'
      ? undefined
      : env['AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME'] || env['AWS_ENDPOINT_URL'];
  const accessKeyId = env['AWS_ACCESS_KEY_ID'];
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY'];
  const sessionToken = env['AWS_SESSION_TOKEN'];
  const maxAttempts = Number(env['AWS_MAX_ATTEMPTS']);
  return new SageMakerRuntimeClient({
    ...(region ? { region } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } }
      : {}),
    ...(Number.isInteger(maxAttempts) && maxAttempts > 0 ? { maxAttempts } : {}),
    requestHandler: {
      connectionTimeout: ENDPOINT_CONNECT_TIMEOUT_MS,
      requestTimeout: attemptTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
}
