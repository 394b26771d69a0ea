import {
  MAX_IMAGE_BYTES,
  byteSizeSetting,
  millisecondsSetting,
  parseClassLabels,
  requiredSetting,
  type Environment,
} from '@scones/contracts';

/** The classify Lambda's settings, read once from its environment. */
export interface ClassifyConfig {
  endpointName: string;
  labels: readonly string[];
  maxImageBytes: number;
  /** One attempt to invoke the endpoint; the SDK makes three. */
  endpointAttemptTimeoutMs: number;
}

/** Three attempts of 12 s end well inside the function's 45 s timeout. */
export const DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS = 12_000;

/**
 * Reads `ENDPOINT_NAME` (required), `CLASS_LABELS` (default `bicycle,motorcycle`),
 * `MAX_IMAGE_BYTES` (default 6 MiB) and `ENDPOINT_ATTEMPT_TIMEOUT_MS` (default 12,000).
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
  };
}
