import {
  MAX_IMAGE_BYTES,
  bodyFormatSetting,
  byteSizeSetting,
  millisecondsSetting,
  parseClassLabels,
  requiredSetting,
  type BodyFormat,
  type Environment,
} from '@scones/contracts';

/** The classify Lambda's settings, read once from its environment. */
export interface ClassifyConfig {
  endpointName: string;
  labels: readonly string[];
  maxImageBytes: number;
  /** One attempt to invoke the endpoint; the SDK makes three. Default 5,000 ms. */
  endpointAttemptTimeoutMs?: number;
  /** `BODY_FORMAT`: how `body` is written. Default `object`. */
  bodyFormat?: BodyFormat;
}

/**
 * One attempt to invoke the endpoint, after its connection (at most 2 s) is made. Inference on
 * the built-in algorithm takes well under a second; three attempts, the SDK's backoff and a
 * read of the image from S3 must all end inside the function's 45 s timeout.
 */
export const DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS = 5_000;
/** Connecting to the endpoint, per attempt. */
export const ENDPOINT_CONNECT_TIMEOUT_MS = 2_000;
/**
 * Attempts the AWS SDK makes per invocation, the first included: its default, which
 * `AWS_MAX_ATTEMPTS` overrides (lower ENDPOINT_ATTEMPT_TIMEOUT_MS if you raise it).
 */
export const ENDPOINT_MAX_ATTEMPTS = 3;

/**
 * Reads `ENDPOINT_NAME` (required), `CLASS_LABELS` (default `bicycle,motorcycle`),
 * `MAX_IMAGE_BYTES` (default 6 MiB), `ENDPOINT_ATTEMPT_TIMEOUT_MS` (default 5,000) and
 * `BODY_FORMAT` (`object` or `string`, default `object`).
 *
 * @throws InvalidConfigurationError naming the setting that is missing or wrong.
 * @example
 * readClassifyConfig({ ENDPOINT_NAME: 'scones-classifier' });
 */
export function readClassifyConfig(env: Environment): ClassifyConfig {
  return {
    endpointName: requiredSetting(
      env,
      'ENDPOINT_NAME',
      'the name of the SageMaker endpoint to invoke',
    ),
    labels: parseClassLabels(env['CLASS_LABELS']),
    maxImageBytes: byteSizeSetting(env, 'MAX_IMAGE_BYTES', MAX_IMAGE_BYTES),
    endpointAttemptTimeoutMs: millisecondsSetting(
      env,
      'ENDPOINT_ATTEMPT_TIMEOUT_MS',
      DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
    ),
    bodyFormat: bodyFormatSetting(env),
  };
}
