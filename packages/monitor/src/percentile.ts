/**
 * The p-th percentile (nearest rank) of values sorted in ascending order; at least one value.
 *
 * @example
 * percentile([3, 5, 8, 13], 50); // 5
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}
