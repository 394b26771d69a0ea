import { chartSpecs, renderSvg } from './charts.js';
import type { ConfidenceReport } from './confidence-report.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const percent = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);
const number = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(4));
// The same clock as the charts' axes: 24-hour UTC, said so.
const utc = (iso: string | null) =>
  iso === null ? '-' : `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * A self-contained HTML report (no scripts, nothing fetched): the summary, the four charts
 * rendered to SVG with Vega-Lite (the pass rate per UTC hour, confidence over time against the
 * threshold, the confidence histogram, the label mix per hour), and the lines that could not be
 * read.
 *
 * @example
 * await writeFile('report.html', await htmlReport(await buildConfidenceReport(folder)));
 */
export async function htmlReport(report: ConfidenceReport): Promise<string> {
  const specs = chartSpecs(report);
  const charts = await Promise.all(
    (Object.keys(specs) as (keyof typeof specs)[]).map(
      async (name) => `<figure id="${name}" class="chart">${await renderSvg(specs[name])}</figure>`,
    ),
  );
  const { summary } = report;
  const rows: [string, string][] = [
    ['source', report.source],
    ['inferences', String(summary.count)],
    ['threshold', String(report.threshold)],
    ['passed', `${summary.passed} (${percent(summary.passRate)})`],
    [
      'confidence p5 / p50 / p95',
      [summary.confidence?.p5, summary.confidence?.p50, summary.confidence?.p95]
        .map(number)
        .join(' / '),
    ],
    [
      'labels',
      Object.entries(summary.labels)
        .map(([label, count]) => `${label} ${count}`)
        .join(', '),
    ],
    ['from', utc(summary.first)],
    ['to', utc(summary.last)],
    ['files read', `${report.files} (${report.lines} lines, ${report.problemCount} unreadable)`],
  ];
  const problems = report.problems.length
    ? `<h2>Lines that could not be read</h2><ul id="problems">${report.problems
        .map((p) => `<li><code>${escape(p.file)}:${p.line}</code> ${escape(p.reason)}</li>`)
        .join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Scones classifier confidence</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222; max-width: 760px; }
  table { border-collapse: collapse; margin-bottom: 1.5rem; }
  th, td { text-align: left; padding: 0.25rem 1rem 0.25rem 0; border-bottom: 1px solid #eee; }
  figure { margin: 0 0 2rem; }
  code { font-size: 12px; }
</style>
</head>
<body>
<h1>Scones classifier confidence</h1>
<table id="summary">${rows.map(([name, value]) => `<tr><th>${escape(name)}</th><td>${escape(value)}</td></tr>`).join('')}</table>
${charts.join('\n')}
${problems}
</body>
</html>
`;
}
