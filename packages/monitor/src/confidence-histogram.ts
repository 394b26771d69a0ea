/** One bar of the confidence histogram: inferences of one label with confidence in [from, to). */
export interface HistogramBin {
  from: number;
  to: number;
  label: string;
  count: number;
}

// Confidences are counted in thousandths, then grouped into the bars a chart asks for.
const FINE_BINS = 1000;

/**
 * Counts confidences per label, a fixed amount of memory whatever the number of inferences, and
 * groups them into equal bars from a floor to 1 (1 itself in the last bar).
 *
 * @example
 * const histogram = new ConfidenceHistogram();
 * histogram.add('bicycle', 0.97);
 * histogram.bins(['bicycle', 'motorcycle'], 0.5, 20); // [{ from: 0.95, to: 0.975, label: 'bicycle', count: 1 }]
 */
export class ConfidenceHistogram {
  private readonly counts = new Map<string, Uint32Array>();

  add(label: string, confidence: number): void {
    const counts = this.counts.get(label) ?? new Uint32Array(FINE_BINS);
    const index = Math.min(FINE_BINS - 1, Math.max(0, Math.floor(confidence * FINE_BINS)));
    counts[index] = (counts[index] ?? 0) + 1;
    this.counts.set(label, counts);
  }

  /** Every non-empty bar of `bars` equal bars from `floor` to 1, labels in the given order first. */
  bins(labels: readonly string[], floor: number, bars: number): HistogramBin[] {
    const step = (1 - floor) / bars;
    const ordered = [...labels, ...[...this.counts.keys()].filter((l) => !labels.includes(l))];
    return ordered.flatMap((label) => {
      const fine = this.counts.get(label);
      if (!fine) return [];
      const grouped = new Array<number>(bars).fill(0);
      fine.forEach((count, index) => {
        if (count === 0) return;
        const centre = (index + 0.5) / FINE_BINS;
        const bar = Math.min(bars - 1, Math.max(0, Math.floor((centre - floor) / step)));
        grouped[bar] = (grouped[bar] ?? 0) + count;
      });
      return grouped.flatMap((count, index) =>
        count > 0
          ? [{ from: floor + index * step, to: floor + (index + 1) * step, label, count }]
          : [],
      );
    });
  }
}
