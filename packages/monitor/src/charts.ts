import type { TopLevelSpec } from 'vega-lite';
import type { ConfidenceReport } from './confidence-report.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
const WIDTH = 640;
const THRESHOLD_MARK = {
  type: 'rule' as const,
  color: '#c0392b',
  strokeDash: [6, 4],
  strokeWidth: 2,
};
const HISTOGRAM_BINS = 20;
const PASS_RATE_COLOR = '#2c6e9b';

/** The report's charts, in the order the HTML report shows them. */
export type ChartName =
  | 'passRatePerHour'
  | 'confidenceOverTime'
  | 'confidenceHistogram'
  | 'labelMixOverTime';

/**
 * Every time axis of the report: UTC, 24-hour `HH:MM` ticks whatever the span, and the date
 * under the first tick and under each midnight. Vega's default picks a format per chart from
 * its span ("Fri 27", "04 AM", "Nov 27, 2026 00:00") and uses 12-hour clocks.
 */
export const TIME_AXIS = {
  title: 'time (UTC)',
  // A UTC scale (below) makes Vega-Lite apply this format with utcFormat.
  format: '%H:%M',
  // At least a minute between ticks, so that a run of a few minutes does not repeat one label.
  tickMinStep: 60_000,
  labelExpr:
    "datum.index === 0 || (utchours(datum.value) === 0 && utcminutes(datum.value) === 0) ? [datum.label, utcFormat(datum.value, '%Y-%m-%d')] : datum.label",
} as const;

const HOUR_MS = 3_600_000;

/**
 * The lowest confidence a report can show. With N classes the most probable one holds at least
 * 1/N of the probability, so the axis starts there; it starts lower only to keep a lower
 * threshold, or a record whose probabilities do not sum to 1, on the chart.
 *
 * @example
 * confidenceFloor(report); // 0.5 for bicycle/motorcycle at threshold 0.93
 */
export function confidenceFloor(report: ConfidenceReport): number {
  const classes = report.labels.length;
  const floor = classes > 1 ? 1 / classes : 0;
  return Math.min(floor, report.threshold, report.summary.confidence?.min ?? floor);
}

/**
 * The report's charts as Vega-Lite specifications: the pass rate per UTC hour (the drift
 * signal), each inference's confidence over time against the threshold, the confidence
 * histogram, and the label mix per hour.
 *
 * @example
 * const { passRatePerHour } = chartSpecs(await buildConfidenceReport(folder));
 */
export function chartSpecs(report: ConfidenceReport): Record<ChartName, TopLevelSpec> {
  const values = report.inferences.map((row) => ({
    time: row.time.toISOString(),
    confidence: row.confidence,
    label: row.label,
  }));
  const color = {
    field: 'label',
    type: 'nominal',
    scale: { domain: [...report.labels] },
    title: 'label',
  } as const;
  const domain = timeDomain(report);
  const timeScale = { type: 'utc', ...(domain && { domain }) } as const;
  const floor = confidenceFloor(report);
  const confidenceScale = { domain: [floor, 1], nice: false, zero: false };
  const threshold = { data: { values: [{ threshold: report.threshold }] }, mark: THRESHOLD_MARK };
  const hourAxis = {
    field: 'hour',
    timeUnit: 'utcyearmonthdatehours',
    type: 'temporal',
    scale: timeScale,
    axis: TIME_AXIS,
    title: TIME_AXIS.title,
  } as const;
  return {
    passRatePerHour: {
      $schema: SCHEMA,
      title: 'Share of inferences that pass the threshold, per hour',
      width: WIDTH,
      height: 200,
      data: { values: passRatePerHour(report) },
      encoding: {
        x: { ...hourAxis, bandPosition: 0.5 },
        y: {
          field: 'passRate',
          type: 'quantitative',
          scale: { domain: [0, 1] },
          axis: { format: '.0%' },
          title: `passed at ${report.threshold}`,
        },
      },
      layer: [
        { mark: { type: 'line', color: PASS_RATE_COLOR } },
        {
          mark: { type: 'point', filled: true, color: PASS_RATE_COLOR, opacity: 1 },
          // A quiet hour's rate rests on a few requests: its point is drawn smaller.
          encoding: {
            size: {
              field: 'count',
              type: 'quantitative',
              scale: { range: [15, 160], zero: false },
              title: 'inferences',
            },
          },
        },
      ],
    },
    confidenceOverTime: {
      $schema: SCHEMA,
      title: report.sampled
        ? `Confidence over time (an even sample of ${report.inferences.length.toLocaleString('en')} of ${report.summary.count.toLocaleString('en')} inferences)`
        : 'Confidence of each inference over time',
      width: WIDTH,
      height: 260,
      layer: [
        {
          data: { values },
          mark: { type: 'point', filled: true, size: 40, opacity: 0.8 },
          encoding: {
            x: {
              field: 'time',
              type: 'temporal',
              scale: timeScale,
              axis: TIME_AXIS,
              title: TIME_AXIS.title,
            },
            y: {
              field: 'confidence',
              type: 'quantitative',
              scale: confidenceScale,
              title: 'confidence',
            },
            color,
          },
        },
        { ...threshold, encoding: { y: { field: 'threshold', type: 'quantitative' } } },
      ],
    },
    confidenceHistogram: {
      $schema: SCHEMA,
      title: 'How confident the model is',
      width: WIDTH,
      height: 200,
      layer: [
        {
          // Counted as the report was read (every inference, not the sample), in bins from the
          // floor, not from 0: below it they would always be empty.
          data: { values: report.histogram.bins(report.labels, floor, HISTOGRAM_BINS) },
          mark: 'bar',
          encoding: {
            x: {
              field: 'from',
              type: 'quantitative',
              bin: { binned: true, step: (1 - floor) / HISTOGRAM_BINS },
              scale: confidenceScale,
              axis: { format: '.2f' },
              title: 'confidence',
            },
            x2: { field: 'to' },
            y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'inferences' },
            color,
          },
        },
        { ...threshold, encoding: { x: { field: 'threshold', type: 'quantitative' } } },
      ],
    },
    labelMixOverTime: {
      $schema: SCHEMA,
      title: 'Predicted labels per hour',
      width: WIDTH,
      height: 200,
      data: {
        values: report.hourly.flatMap(({ hour, labels }) =>
          Object.entries(labels).map(([label, count]) => ({ hour, label, count })),
        ),
      },
      mark: 'bar',
      encoding: {
        x: hourAxis,
        y: { field: 'count', type: 'quantitative', aggregate: 'sum', title: 'inferences' },
        color,
      },
    },
  };
}

/**
 * The time span every time axis shows: whole UTC hours from the first inference's to the last's,
 * so that the charts line up under each other. Within a single hour, the points' own span.
 */
function timeDomain(report: ConfidenceReport): [number, number] | undefined {
  const first = report.hourly[0];
  const last = report.hourly.at(-1);
  if (!first || !last || first === last) return undefined;
  return [Date.parse(first.hour), Date.parse(last.hour) + HOUR_MS];
}

/**
 * The pass-rate chart's rows: one per UTC hour that has inferences.
 *
 * @example
 * passRatePerHour(report); // [{ hour: '2026-11-27T18:00:00Z', passRate: 0.75, count: 4 }, ...]
 */
export function passRatePerHour(
  report: ConfidenceReport,
): { hour: string; passRate: number; count: number }[] {
  return report.hourly.map(({ hour, passRate, count }) => ({ hour, passRate, count }));
}

/**
 * Renders a Vega-Lite specification to an SVG string in Node (no browser, no canvas).
 *
 * @example
 * const svg = await renderSvg(chartSpecs(report).confidenceOverTime);
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded here, not with the package: Vega takes ~200 ms to load, and most users of this
  // package (and the `scones` CLI, which imports it) never draw a chart.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
