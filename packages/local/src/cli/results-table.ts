import type { ClassificationResult } from '../classify/execution-outcome.js';

const OUTCOME: Record<ClassificationResult['status'], string> = {
  passed: 'passed',
  below_threshold: 'below threshold',
  failed: 'failed',
};

/**
 * The results as a table a person reads: file, label, confidence, outcome; then a count of each
 * outcome and, for the failures, what went wrong.
 */
export function resultsTable(results: readonly ClassificationResult[]): string {
  const rows = results.map((r) => [
    r.file,
    r.label ?? '-',
    r.confidence === null ? '-' : r.confidence.toFixed(4),
    r.status === 'failed' ? `failed: ${r.error?.name}` : OUTCOME[r.status],
  ]);
  const header = ['file', 'label', 'confidence', 'outcome'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const count = (status: ClassificationResult['status']) =>
    results.filter((r) => r.status === status).length;
  const failures = results
    .filter((r) => r.status === 'failed')
    .map((r) => `  ${r.file}: ${r.error?.name}: ${r.error?.message}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `${results.length} image${results.length === 1 ? '' : 's'}: ${count('passed')} passed, ${count('below_threshold')} below threshold, ${count('failed')} failed`,
    ...(failures.length ? ['', 'Failures:', ...failures] : []),
  ].join('\n');
}
