import { InvalidInferenceError } from '@scones/contracts';
import { parseInference } from '../../src/index.js';

const labels = ['bicycle', 'motorcycle'];

describe('parseInference', () => {
  it('reads one probability per class and picks the most probable', () => {
    expect(parseInference('[0.03, 0.97]', labels)).toEqual({
      inferences: [0.03, 0.97],
      label: 'motorcycle',
      confidence: 0.97,
    });
  });

  it('reads bytes as UTF-8 JSON', () => {
    expect(parseInference(new TextEncoder().encode('[0.9, 0.1]'), labels).label).toBe('bicycle');
  });

  it('picks the first class on a tie', () => {
    expect(parseInference('[0.5, 0.5]', labels)).toMatchObject({
      label: 'bicycle',
      confidence: 0.5,
    });
  });

  it.each([
    ['[0.5]', /expected 2 probabilities \(bicycle, motorcycle\), got 1/],
    ['"hello"', /expected a JSON array/],
    ['hello', /not JSON/],
    ['[NaN, 1]', /not JSON/],
    ['[1.5, -0.5]', /probability 0 is 1.5/],
    ['[null, 1]', /probability 0 is null/],
    ['["0.5", 0.5]', /probability 0 is "0.5"/],
    ['{"predictions": [0.5, 0.5]}', /expected a JSON array/],
    ['', /not JSON/],
  ])('rejects %s with InvalidInferenceError', (answer, message) => {
    expect(() => parseInference(answer, labels)).toThrow(InvalidInferenceError);
    expect(() => parseInference(answer, labels)).toThrow(message);
  });
});
