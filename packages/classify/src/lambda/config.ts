import {
  MAX_IMAGE_BYTES,
  byteSizeSetting,
  parseClassLabels,
  requiredSetting,
  type Environment,
} from '@scones/contracts';

/** The classify Lambda's settings, read once from its environment. */
export interface ClassifyConfig {
  endpointName: string;
  labels: readonly string[];
  maxImageBytes: number;
}

/**
 * Reads `ENDPOINT_NAME` (required), `CLASS_LABELS` (default `bicycle,motorcycle`) and
 * `MAX_IMAGE_BYTES` (default 6 MiB).
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
  };
}
