import { InvalidInferenceError, isProbability, mostProbable } from '@scones/contracts';

/** What the endpoint's answer says: one probability per class and the most likely class. */
export interface Inference {
  /** One probability per class, in class-index order. */
  inferences: number[];
  /** The most probable class's label. */
  label: string;
  /** The most probable class's probability. */
  confidence: number;
}

/**
 * Parses the endpoint's answer: a JSON array holding one probability (a finite number from 0
 * to 1) per class, as SageMaker's built-in image-classification algorithm returns it.
 *
 * @throws InvalidInferenceError for anything else.
 * @example
 * parseInference('[0.97, 0.03]', ['bicycle', 'motorcycle']);
 * // { inferences: [0.97, 0.03], label: 'bicycle', confidence: 0.97 }
 */
export function parseInference(answer: Uint8Array | string, labels: readonly string[]): Inference {
  const text = typeof answer === 'string' ? answer : new TextDecoder().decode(answer);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(`the answer is not JSON: ${preview(text)}`);
  }
  if (!Array.isArray(value)) {
    throw invalid(`expected a JSON array of probabilities, got ${preview(text)}`);
  }
  if (value.length !== labels.length) {
    throw invalid(
      `expected ${labels.length} probabilities (${labels.join(', ')}), got ${value.length}: ${preview(text)}`,
    );
  }
  const bad = value.findIndex((p) => !isProbability(p));
  if (bad !== -1) {
    throw invalid(`probability ${bad} is ${JSON.stringify(value[bad])}, not a number from 0 to 1`);
  }
  const inferences = value as number[];
  const best = mostProbable(inferences);
  return { inferences, label: labels[best.index], confidence: best.probability };
}

function invalid(detail: string): InvalidInferenceError {
  return new InvalidInferenceError(
    `The endpoint's answer is not one probability per class: ${detail}. ` +
      'Check that the endpoint serves the bicycle/motorcycle model and that CLASS_LABELS matches it.',
  );
}

function preview(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}...` : text);
}
