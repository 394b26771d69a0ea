/**
 * @scones/threshold: step 3 of the Scones workflow, as a pure function.
 *
 * @example
 * import { applyThreshold } from '@scones/threshold';
 * const body = applyThreshold(payload, { threshold: 0.93 });
 */
export {
  applyThreshold,
  type ThresholdOptions,
  type ConfidentImagePayload,
} from './core/apply-threshold.js';
