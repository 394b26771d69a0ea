import {
  DEFAULT_THRESHOLD,
  bodyFormatSetting,
  parseClassLabels,
  probabilitySetting,
  type BodyFormat,
  type Environment,
} from '@scones/contracts';

/** The threshold Lambda's settings, read once from its environment. */
export interface ThresholdConfig {
  threshold: number;
  labels: readonly string[];
  /** `BODY_FORMAT`: how `body` is written. Default `object`. */
  bodyFormat?: BodyFormat;
}

/**
 * Reads `THRESHOLD` (0..1, default 0.93), `CLASS_LABELS` (default `bicycle,motorcycle`) and
 * `BODY_FORMAT` (`object` or `string`, default `object`).
 *
 * @throws InvalidConfigurationError naming the setting that is wrong.
 * @example
 * readThresholdConfig({ THRESHOLD: '0.9' }); // { threshold: 0.9, labels: ['bicycle', 'motorcycle'] }
 */
export function readThresholdConfig(env: Environment): ThresholdConfig {
  return {
    threshold: probabilitySetting(env, 'THRESHOLD', DEFAULT_THRESHOLD),
    labels: parseClassLabels(env['CLASS_LABELS']),
    bodyFormat: bodyFormatSetting(env),
  };
}
