import { InvalidConfigurationError } from './errors.js';

/** The classes of the endpoint, in class-index order, as the built-in algorithm returns them. */
export const DEFAULT_CLASS_LABELS: readonly string[] = Object.freeze(['bicycle', 'motorcycle']);

/**
 * Parses a comma-separated list of class labels (the `CLASS_LABELS` setting).
 *
 * @example
 * parseClassLabels('bicycle, motorcycle'); // ['bicycle', 'motorcycle']
 * parseClassLabels(undefined);             // the defaults
 */
export function parseClassLabels(value: string | undefined): readonly string[] {
  if (value === undefined || value.trim() === '') return DEFAULT_CLASS_LABELS;
  const labels = value.split(',').map((label) => label.trim());
  if (labels.length < 2 || labels.some((label) => label === '')) {
    throw new InvalidConfigurationError(
      `CLASS_LABELS must list at least two non-empty labels separated by commas, in class-index order; got "${value}".`,
    );
  }
  if (new Set(labels).size !== labels.length) {
    throw new InvalidConfigurationError(`CLASS_LABELS has a label twice: "${value}".`);
  }
  return Object.freeze(labels);
}

/**
 * The most probable class of one probability per class: its index and probability (the first
 * one on a tie).
 *
 * @example
 * mostProbable([0.03, 0.97]); // { index: 1, probability: 0.97 }
 */
export function mostProbable(probabilities: readonly number[]): {
  index: number;
  probability: number;
} {
  const index = probabilities.reduce((top, p, i) => (p > probabilities[top] ? i : top), 0);
  return { index, probability: probabilities[index] };
}
