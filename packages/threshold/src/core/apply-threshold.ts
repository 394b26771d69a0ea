import {
  DEFAULT_CLASS_LABELS,
  DEFAULT_THRESHOLD,
  InvalidEventError,
  THRESHOLD_CONFIDENCE_NOT_MET,
  ThresholdConfidenceNotMetError,
  describeImage,
  locationOf,
  mostProbable,
  type ImagePayload,
} from '@scones/contracts';

/** How applyThreshold decides. */
export interface ThresholdOptions {
  /** The minimum confidence, 0..1; a payload's own `threshold` field wins. Default 0.93. */
  threshold?: number;
  /** Class labels in class-index order, to name the predicted class. Default: bicycle, motorcycle. */
  labels?: readonly string[];
}

/** The payload after step 3: confident enough to go downstream. */
export type ConfidentImagePayload = ImagePayload & {
  inferences: number[];
  confidence: number;
  threshold: number;
  meets_threshold: true;
};

/**
 * Step 3: passes the payload on when its most probable class is at least as likely as the
 * threshold (equal passes, as in the original), adding `threshold`, `meets_threshold` and
 * `confidence`; otherwise throws.
 *
 * @throws ThresholdConfidenceNotMetError, message starting `THRESHOLD_CONFIDENCE_NOT_MET`
 * @throws InvalidEventError when the payload has no inferences (classify has not run)
 * @example
 * applyThreshold({ s3_bucket: 'b', s3_key: 'k.png', image_data: '', inferences: [0.95, 0.05] }, { threshold: 0.93 });
 * // { ..., confidence: 0.95, label: 'bicycle', threshold: 0.93, meets_threshold: true }
 */
export function applyThreshold(
  payload: ImagePayload,
  options: ThresholdOptions = {},
): ConfidentImagePayload {
  const inferences = payload.inferences;
  const location = locationOf(payload);
  const source = location ? describeImage(location) : 'the payload';
  if (!inferences || inferences.length === 0) {
    throw new InvalidEventError(
      `Invalid event: ${source} has no inferences. Run the classify step before the threshold step.`,
    );
  }
  const threshold = payload.threshold ?? options.threshold ?? DEFAULT_THRESHOLD;
  const { index: best, probability: confidence } = mostProbable(inferences);
  const label = payload.label ?? (options.labels ?? DEFAULT_CLASS_LABELS)[best];
  if (confidence < threshold) {
    throw new ThresholdConfidenceNotMetError(
      `${THRESHOLD_CONFIDENCE_NOT_MET}: confidence ${confidence} for ${label ? `"${label}"` : `class ${best}`} ` +
        `is below the threshold ${threshold}${location ? ` (${source})` : ''}.`,
    );
  }
  return {
    ...payload,
    inferences,
    ...(label === undefined ? {} : { label }),
    confidence,
    threshold,
    meets_threshold: true,
  };
}
