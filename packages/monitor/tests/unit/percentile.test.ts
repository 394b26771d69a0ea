import { percentile } from '../../src/index.js';

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank that covers p percent', () => {
    const sorted = [3, 5, 8, 13, 21, 34, 55, 89, 144, 233];
    expect(percentile(sorted, 50)).toBe(21);
    expect(percentile(sorted, 99)).toBe(233);
    expect(percentile(sorted, 10)).toBe(3);
    expect(percentile(sorted, 0)).toBe(3);
    expect(percentile(sorted, 100)).toBe(233);
  });

  it('gives the only value of a list of one', () => {
    expect(percentile([7], 5)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
  });
});
