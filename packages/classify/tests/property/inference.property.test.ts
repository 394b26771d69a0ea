import fc from 'fast-check';
import { InvalidInferenceError } from '@scones/contracts';
import { parseInference, type Inference } from '../../src/index.js';
import { parsesOrRejects } from '../../../../tools/testing/property';

const labels = ['bicycle', 'motorcycle'];
const valid = (r: Inference) =>
  r.inferences.length === 2 &&
  r.inferences.every((p) => Number.isFinite(p) && p >= 0 && p <= 1) &&
  labels.includes(r.label) &&
  r.confidence === Math.max(...r.inferences);

const answer = fc.oneof(
  fc.string(),
  fc.json(),
  fc.array(fc.double(), { maxLength: 4 }).map((values) => JSON.stringify(values)),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map((pair) => JSON.stringify(pair)),
  fc.uint8Array(),
);

describe('parseInference, on any endpoint answer', () => {
  it('returns one probability per class or throws InvalidInferenceError, nothing else', () => {
    const outcomes = parsesOrRejects(
      'parseInference',
      answer,
      (a) => parseInference(a, labels),
      valid,
      InvalidInferenceError,
    );
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
