import {
  readInferencePayload,
  toEnvelope,
  type Envelope,
  type Environment,
} from '@scones/contracts';
import { applyThreshold, type ConfidentImagePayload } from '../core/apply-threshold.js';
import { readThresholdConfig, type ThresholdConfig } from './config.js';

/** A threshold Lambda handler: any accepted input shape in, the envelope out. */
export type ThresholdHandler = (event: unknown) => Promise<Envelope<ConfidentImagePayload>>;

/**
 * Builds a handler from explicit settings (for tests and in-process use).
 *
 * @example
 * const handle = createThresholdHandler({ threshold: 0.9, labels: ['bicycle', 'motorcycle'] });
 */
export function createThresholdHandler(config: ThresholdConfig): ThresholdHandler {
  return async (event) =>
    toEnvelope(applyThreshold(readInferencePayload(event), config), config.bodyFormat);
}

/**
 * Builds the handler from an environment (`THRESHOLD`, `CLASS_LABELS`); nothing is read from
 * `process.env`.
 *
 * @throws InvalidConfigurationError naming a setting that is missing or wrong.
 * @example
 * const handle = thresholdHandlerFromEnvironment({ THRESHOLD: '0.9' });
 */
export function thresholdHandlerFromEnvironment(env: Environment): ThresholdHandler {
  return createThresholdHandler(readThresholdConfig(env));
}
