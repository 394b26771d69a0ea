import {
  INLINE_IMAGE_MAX_BYTES,
  MAX_IMAGE_BYTES,
  bodyFormatSetting,
  byteSizeSetting,
  type BodyFormat,
  type Environment,
} from '@scones/contracts';

/** The serialize Lambda's settings, read once from its environment. */
export interface SerializeConfig {
  maxImageBytes: number;
  inlineImageMaxBytes: number;
  /** `BODY_FORMAT`: how `body` is written. Default `object`. */
  bodyFormat?: BodyFormat;
}

/**
 * Reads `MAX_IMAGE_BYTES` (default 6 MiB), `INLINE_IMAGE_MAX_BYTES` (default 180 KiB) and
 * `BODY_FORMAT` (`object` or `string`, default `object`).
 *
 * @throws InvalidConfigurationError when a value does not parse.
 * @example
 * readSerializeConfig({ INLINE_IMAGE_MAX_BYTES: '65536' });
 */
export function readSerializeConfig(env: Environment): SerializeConfig {
  return {
    maxImageBytes: byteSizeSetting(env, 'MAX_IMAGE_BYTES', MAX_IMAGE_BYTES),
    inlineImageMaxBytes: byteSizeSetting(env, 'INLINE_IMAGE_MAX_BYTES', INLINE_IMAGE_MAX_BYTES),
    bodyFormat: bodyFormatSetting(env),
  };
}
