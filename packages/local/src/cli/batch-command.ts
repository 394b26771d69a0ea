import { writeFile } from 'node:fs/promises';
import type { BatchResult } from '../batch/batch-run.js';

/** The summary `scones batch` prints: outcomes, labels, speed, where the results went. */
export function batchSummary(result: BatchResult): string {
  const { summary, run } = result;
  const o = summary.outcomes;
  const lines = [
    `Map run ${summary.status}: ${summary.images} image${summary.images === 1 ? '' : 's'}: ${o.passed} passed, ${o.below_threshold} below threshold, ${o.failed} failed${o.pending ? `, ${o.pending} not started` : ''}`,
    `labels: ${
      Object.entries(summary.labels)
        .map(([label, count]) => `${label} ${count}`)
        .join(', ') || '-'
    }`,
    `${summary.imagesPerSecond.toFixed(1)} images/s; per image p50 ${summary.latencyMs.p50 ?? '-'} ms, p99 ${summary.latencyMs.p99 ?? '-'} ms`,
    `results (ResultWriter): ${run.resultFiles.find((file) => file.endsWith('manifest.json')) ?? '-'}`,
  ];
  if (run.status === 'FAILED') {
    lines.push(`${run.error}: ${run.cause}`, 'Failed items:');
    lines.push(
      ...result.items
        .filter((item) => item.status === 'failed')
        .map((item) => `  ${item.file}: ${item.error?.name}: ${item.error?.message}`),
    );
  }
  return lines.join('\n');
}

/** Writes one JSON line per object, in listing order. */
export async function writeResultsJsonl(file: string, result: BatchResult): Promise<void> {
  await writeFile(file, result.items.map((item) => `${JSON.stringify(item)}\n`).join(''));
}
