import type { TopLevelSpec } from 'vega-lite';
import {
  buildConfidenceReport,
  chartSpecs,
  renderSvg,
  type ConfidenceReport,
} from '../../src/index.js';
import { confidenceFloor, passRatePerHour } from '../../src/charts.js';
import { writeCaptureDay } from '../../../../tools/testing/capture-day.cjs';
import { captureFolder, captureLine, HOUR_18, HOUR_19 } from '../fixtures';

type Channel = { type?: string; scale?: { type?: string; domain?: unknown }; axis?: unknown };

/** Every x/y channel of a chart, its layers' included. */
function channels(spec: TopLevelSpec): Channel[] {
  const found: Channel[] = [];
  const visit = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const { encoding, layer } = node as { encoding?: Record<string, Channel>; layer?: unknown[] };
    if (encoding?.['x']) found.push(encoding['x']);
    if (encoding?.['y']) found.push(encoding['y']);
    layer?.forEach(visit);
  };
  visit(spec);
  return found;
}

/** The axis labels a reader sees in a rendered chart (overlapping ones are hidden). */
function visibleTimeLabels(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*opacity="1"[^>]*>(?:<tspan>)?(\d\d:\d\d)</g)].map(
    (match) => match[1],
  );
}

describe('the report charts', () => {
  let twoClasses: ConfidenceReport;

  beforeAll(async () => {
    twoClasses = await buildConfidenceReport(
      await captureFolder({
        [`${HOUR_18}/a.jsonl`]: [
          captureLine('2026-11-27T18:05:00Z', [0.97, 0.03]),
          captureLine('2026-11-27T18:06:00Z', [0.4, 0.6]),
          captureLine('2026-11-27T18:30:00Z', [0.05, 0.95]),
        ],
        [`${HOUR_19}/b.jsonl`]: [captureLine('2026-11-27T19:00:00Z', [0.93, 0.07])],
      }),
      { threshold: 0.93 },
    );
  });

  it('puts every time axis on a UTC scale with 24-hour HH:MM ticks', () => {
    const specs = chartSpecs(twoClasses);
    const timeChannels = Object.values(specs)
      .flatMap(channels)
      .filter((c) => c.type === 'temporal');
    // The pass rate, each inference, the label mix: three charts over time.
    expect(timeChannels).toHaveLength(3);
    for (const channel of timeChannels) {
      expect(channel.scale?.type).toBe('utc');
      expect(channel.axis).toMatchObject({ format: '%H:%M', title: 'time (UTC)' });
    }
  });

  it('labels the ticks of a day of capture 00:00 to 23:00, never AM or PM', async () => {
    const day = await buildConfidenceReport(await writeCaptureDay(await captureFolder({})));
    for (const spec of [chartSpecs(day).passRatePerHour, chartSpecs(day).confidenceOverTime]) {
      const svg = await renderSvg(spec);
      const labels = visibleTimeLabels(svg);
      expect(labels.length).toBeGreaterThan(3);
      expect(labels.some((label) => Number(label.slice(0, 2)) >= 13)).toBe(true);
      expect(svg).not.toMatch(/\b(AM|PM)\b/);
      // The date sits under the first tick, so HH:MM is never without its day.
      expect(svg).toMatch(/<tspan[^>]*>2026-11-27<\/tspan>/);
    }
  });

  it('starts the confidence axes at 1/2 for two classes', () => {
    const specs = chartSpecs(twoClasses);
    expect(confidenceFloor(twoClasses)).toBe(0.5);
    const [points] = channels(specs.confidenceOverTime).filter((c) => c.type === 'quantitative');
    expect(points.scale?.domain).toEqual([0.5, 1]);
    const [bars] = channels(specs.confidenceHistogram);
    expect(bars.scale?.domain).toEqual([0.5, 1]);
    // The bars are counted as the report is read, from the floor up.
    const binned = twoClasses.histogram.bins(twoClasses.labels, 0.5, 20);
    expect(binned.length).toBeGreaterThan(0);
    for (const bin of binned) {
      expect(bin.from).toBeGreaterThanOrEqual(0.5);
      expect(bin.to).toBeLessThanOrEqual(1 + 1e-9);
    }
    expect(binned.reduce((sum, bin) => sum + bin.count, 0)).toBe(twoClasses.summary.count);
  });

  it('starts the confidence axes at 1/3 for three classes', async () => {
    const report = await buildConfidenceReport(
      await captureFolder({
        [`${HOUR_18}/a.jsonl`]: [
          captureLine('2026-11-27T18:05:00Z', [0.9, 0.05, 0.05]),
          captureLine('2026-11-27T18:06:00Z', [0.4, 0.35, 0.25]),
        ],
      }),
      { labels: ['bicycle', 'motorcycle', 'scooter'] },
    );
    const [points] = channels(chartSpecs(report).confidenceOverTime).filter(
      (c) => c.type === 'quantitative',
    );
    expect(points.scale?.domain).toEqual([1 / 3, 1]);
  });

  it('starts lower when the threshold is below 1/classes, so its line stays on the chart', () => {
    const report = { ...twoClasses, threshold: 0.4 };
    expect(confidenceFloor(report)).toBe(0.4);
  });

  it('charts the share of inferences that pass, per UTC hour', () => {
    expect(passRatePerHour(twoClasses)).toEqual([
      { hour: '2026-11-27T18:00:00Z', passRate: 2 / 3, count: 3 },
      { hour: '2026-11-27T19:00:00Z', passRate: 1, count: 1 },
    ]);
    expect(chartSpecs(twoClasses).passRatePerHour).toMatchObject({
      data: { values: passRatePerHour(twoClasses) },
    });
  });

  it('draws one pass-rate point per hour', async () => {
    const svg = await renderSvg(chartSpecs(twoClasses).passRatePerHour);
    const points = svg.match(/<g class="mark-symbol role-mark[^"]*"[^>]*>([\s\S]*?)<\/g>/)?.[1];
    expect(points?.match(/<path /g)).toHaveLength(2);
  });
});
