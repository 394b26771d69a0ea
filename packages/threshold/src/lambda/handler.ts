import { readImagePayload, toEnvelope, type Envelope } from '@scones/contracts';
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
  return async (event) => toEnvelope(applyThreshold(readImagePayload(event), config));
}

/** The Lambda entry point (`@scones/threshold/lambda`, export `handler`). */
export const handler: ThresholdHandler = createThresholdHandler(readThresholdConfig(process.env));
