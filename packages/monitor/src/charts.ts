import type { TopLevelSpec } from 'vega-lite';
import type { ConfidenceReport } from './confidence-report.js';

const WIDTH = 640;
const THRESHOLD_MARK = {
  type: 'rule' as const,
  color: '#c0392b',
  strokeDash: [6, 4],
  strokeWidth: 2,
};

/** The report's charts as Vega-Lite specifications. */
export function chartSpecs(
  report: ConfidenceReport,
): Record<'confidenceOverTime' | 'confidenceHistogram' | 'labelMixOverTime', TopLevelSpec> {
  const values = report.inferences.map((row) => ({
    time: row.time.toISOString(),
    confidence: row.confidence,
    label: row.label,
    passes: row.passes,
  }));
  const color = {
    field: 'label',
    type: 'nominal',
    scale: { domain: [...report.labels] },
    title: 'label',
  } as const;
  const threshold = { data: { values: [{ threshold: report.threshold }] }, mark: THRESHOLD_MARK };
  return {
    confidenceOverTime: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Confidence of each inference over time',
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
              scale: { type: 'utc' },
              title: 'inference time (UTC)',
            },
            y: {
              field: 'confidence',
              type: 'quantitative',
              scale: { domain: [0, 1] },
              title: 'confidence',
            },
            color,
            shape: { field: 'passes', type: 'nominal', title: 'passes' },
          },
        },
        { ...threshold, encoding: { y: { field: 'threshold', type: 'quantitative' } } },
      ],
    },
    confidenceHistogram: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'How confident the model is',
      width: WIDTH,
      height: 200,
      layer: [
        {
          data: { values },
          mark: 'bar',
          encoding: {
            x: {
              field: 'confidence',
              type: 'quantitative',
              bin: { extent: [0, 1], step: 0.05 },
              title: 'confidence',
            },
            y: { aggregate: 'count', type: 'quantitative', title: 'inferences' },
            color,
          },
        },
        { ...threshold, encoding: { x: { field: 'threshold', type: 'quantitative' } } },
      ],
    },
    labelMixOverTime: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      title: 'Predicted labels per hour',
      width: WIDTH,
      height: 200,
      data: { values },
      mark: 'bar',
      encoding: {
        x: {
          field: 'time',
          timeUnit: 'utcyearmonthdatehours',
          type: 'ordinal',
          title: 'hour (UTC)',
        },
        y: { aggregate: 'count', type: 'quantitative', title: 'inferences' },
        color,
      },
    },
  };
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
