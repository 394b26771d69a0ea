import type { ConfidenceReport } from './confidence-report.js';

const percent = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);

/** The terminal summary of a report. */
export function summaryText(report: ConfidenceReport): string {
  const { summary } = report;
  const c = summary.confidence;
  const lines = [
    `${report.source}: ${summary.count} inference${summary.count === 1 ? '' : 's'} from ${report.files} file${report.files === 1 ? '' : 's'}${summary.first ? `, ${summary.first} to ${summary.last}` : ''}`,
    `passed at threshold ${report.threshold}: ${summary.passed} (${percent(summary.passRate)})`,
    c
      ? `confidence: min ${c.min.toFixed(3)}  p5 ${c.p5.toFixed(3)}  p25 ${c.p25.toFixed(3)}  p50 ${c.p50.toFixed(3)}  p75 ${c.p75.toFixed(3)}  p95 ${c.p95.toFixed(3)}  max ${c.max.toFixed(3)}`
      : 'confidence: no inferences',
    `labels: ${Object.entries(summary.labels)
      .map(([label, count]) => `${label} ${count}`)
      .join(', ')}`,
  ];
  if (report.hourly.length > 1) {
    lines.push(
      'per hour:',
      ...report.hourly.map(
        (h) =>
          `  ${h.hour}  ${String(h.count).padStart(5)}  passed ${percent(h.passRate).padStart(6)}  mean confidence ${h.meanConfidence.toFixed(3)}`,
      ),
    );
  }
  if (report.problemCount) {
    lines.push(
      `${report.problemCount} line${report.problemCount === 1 ? '' : 's'} could not be read:`,
    );
    lines.push(...report.problems.slice(0, 20).map((p) => `  ${p.file}:${p.line}: ${p.reason}`));
    if (report.problemCount > 20)
      lines.push(`  ... and ${report.problemCount - 20} more (see --json)`);
  }
  return lines.join('\n');
}
