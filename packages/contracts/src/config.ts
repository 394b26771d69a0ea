import type { BodyFormat } from './envelope.js';
import { InvalidConfigurationError } from './errors.js';
import { isProbability } from './payload.js';

/** A Lambda's environment (`process.env` or a plain object in tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads a setting that must be present.
 *
 * @example
 * const endpointName = requiredSetting(process.env, 'ENDPOINT_NAME', 'the SageMaker endpoint to invoke');
 */
export function requiredSetting(env: Environment, name: string, meaning: string): string {
  const value = env[name]?.trim();
  if (!value) {
    throw new InvalidConfigurationError(`${name} is not set: set it to ${meaning}.`);
  }
  return value;
}

/**
 * Reads a whole, positive number of bytes, or the default when unset.
 *
 * @example
 * byteSizeSetting({ MAX_IMAGE_BYTES: '1048576' }, 'MAX_IMAGE_BYTES', 6291456); // 1048576
 */
export function byteSizeSetting(env: Environment, name: string, fallback: number): number {
  return positiveWholeSetting(env, name, fallback, 'bytes');
}

/**
 * Reads a whole, positive number of milliseconds, or the default when unset.
 *
 * @example
 * millisecondsSetting({ ENDPOINT_ATTEMPT_TIMEOUT_MS: '3000' }, 'ENDPOINT_ATTEMPT_TIMEOUT_MS', 5000); // 3000
 */
export function millisecondsSetting(env: Environment, name: string, fallback: number): number {
  return positiveWholeSetting(env, name, fallback, 'milliseconds');
}

function positiveWholeSetting(
  env: Environment,
  name: string,
  fallback: number,
  unit: string,
): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const amount = Number(value);
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new InvalidConfigurationError(
      `${name} must be a whole number of ${unit} greater than 0; got "${value}".`,
    );
  }
  return amount;
}

/**
 * Reads a number from 0 to 1, or the default when unset.
 *
 * @example
 * probabilitySetting({ THRESHOLD: '0.9' }, 'THRESHOLD', 0.93); // 0.9
 */
export function probabilitySetting(env: Environment, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const probability = Number(value);
  if (!isProbability(probability)) {
    throw new InvalidConfigurationError(`${name} must be a number from 0 to 1; got "${value}".`);
  }
  return probability;
}

/**
 * Reads `BODY_FORMAT`, how a step writes `body`: `object` (the default) or `string`, a JSON
 * string for state machines that `States.StringToJson($.body)`. No one shape serves both kinds
 * of machine, so it is a setting of the deployment.
 *
 * @example
 * bodyFormatSetting({ BODY_FORMAT: 'string' }); // 'string'
 */
export function bodyFormatSetting(env: Environment): BodyFormat {
  const value = env['BODY_FORMAT']?.trim();
  if (!value) return 'object';
  if (value === 'object' || value === 'string') return value;
  throw new InvalidConfigurationError(
    `BODY_FORMAT must be "object" (the default) or "string"; got "${value}".`,
  );
}
