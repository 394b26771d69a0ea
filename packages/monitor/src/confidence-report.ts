import { DEFAULT_CLASS_LABELS, DEFAULT_THRESHOLD } from '@scones/contracts';
import type { S3Client } from '@aws-sdk/client-s3';
import { captureLines } from './capture-files.js';
import { percentile } from './percentile.js';
import {
  InvalidCaptureRecordError,
  parseCaptureRecord,
  type CapturedInference,
} from './capture-record.js';

export interface ReportOptions {
  /** A prediction passes at this confidence or above. Default 0.93. */
  threshold?: number;
  /** The endpoint's classes in class-index order. Default bicycle, motorcycle. */
  labels?: readonly string[];
  /** Only inferences at or after this time. */
  since?: Date;
  /** Only inferences before this time. */
  until?: Date;
  /** For `s3://` sources. */
  s3?: S3Client;
}

/** A line that could not be read, and where it is. */
export interface CaptureProblem {
  file: string;
  line: number;
  reason: string;
}

export interface InferenceRow extends CapturedInference {
  passes: boolean;
  file: string;
  line: number;
}

export interface ConfidenceSummary {
  count: number;
  passed: number;
  passRate: number | null;
  confidence: {
    min: number;
    p5: number;
    p25: number;
    p50: number;
    p75: number;
    p95: number;
    max: number;
  } | null;
  labels: Record<string, number>;
  first: string | null;
  last: string | null;
}

export interface HourlyPoint {
  hour: string;
  count: number;
  passRate: number;
  meanConfidence: number;
  labels: Record<string, number>;
}

export interface ConfidenceReport {
  source: string;
  threshold: number;
  labels: readonly string[];
  files: number;
  lines: number;
  inferences: InferenceRow[];
  problems: CaptureProblem[];
  summary: ConfidenceSummary;
  hourly: HourlyPoint[];
}

/**
 * Reads every capture record under a folder or `s3://` prefix and reports each inference
 * (time, probabilities, label, confidence, passes-at-threshold) and the aggregates: count, pass
 * rate, confidence percentiles, label mix and an hourly series. A line that does not parse is
 * listed with its file and line number; it never stops the run.
 *
 * @example
 * const report = await buildConfidenceReport('.scones/s3/scones-images/data_capture', { threshold: 0.9 });
 * console.log(report.summary.passRate, report.problems);
 */
export async function buildConfidenceReport(
  source: string,
  options: ReportOptions = {},
): Promise<ConfidenceReport> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const labels = options.labels ?? DEFAULT_CLASS_LABELS;
  const inferences: InferenceRow[] = [];
  const problems: CaptureProblem[] = [];
  const files = new Set<string>();
  let lines = 0;
  for await (const line of captureLines(source, { s3: options.s3 })) {
    files.add(line.file);
    lines += 1;
    try {
      const inference = parseCaptureRecord(line.text, labels);
      if (options.since && inference.time < options.since) continue;
      if (options.until && inference.time >= options.until) continue;
      inferences.push({
        ...inference,
        passes: inference.confidence >= threshold,
        file: line.file,
        line: line.lineNumber,
      });
    } catch (error) {
      if (!(error instanceof InvalidCaptureRecordError)) throw error;
      problems.push({ file: line.file, line: line.lineNumber, reason: error.message });
    }
  }
  inferences.sort((a, b) => a.time.getTime() - b.time.getTime());
  return {
    source,
    threshold,
    labels,
    files: files.size,
    lines,
    inferences,
    problems,
    summary: summarize(inferences, labels),
    hourly: hourly(inferences, labels),
  };
}

function summarize(rows: InferenceRow[], labels: readonly string[]): ConfidenceSummary {
  const confidences = rows.map((row) => row.confidence).sort((a, b) => a - b);
  const passed = rows.filter((row) => row.passes).length;
  return {
    count: rows.length,
    passed,
    passRate: rows.length ? passed / rows.length : null,
    confidence: confidences.length
      ? {
          min: confidences[0],
          p5: percentile(confidences, 5),
          p25: percentile(confidences, 25),
          p50: percentile(confidences, 50),
          p75: percentile(confidences, 75),
          p95: percentile(confidences, 95),
          max: confidences[confidences.length - 1],
        }
      : null,
    labels: labelMix(rows, labels),
    first: rows[0]?.time.toISOString() ?? null,
    last: rows.at(-1)?.time.toISOString() ?? null,
  };
}

function hourly(rows: InferenceRow[], labels: readonly string[]): HourlyPoint[] {
  const byHour = new Map<string, InferenceRow[]>();
  for (const row of rows) {
    const hour = `${row.time.toISOString().slice(0, 13)}:00:00Z`;
    byHour.set(hour, [...(byHour.get(hour) ?? []), row]);
  }
  return [...byHour].map(([hour, group]) => ({
    hour,
    count: group.length,
    passRate: group.filter((row) => row.passes).length / group.length,
    meanConfidence: group.reduce((sum, row) => sum + row.confidence, 0) / group.length,
    labels: labelMix(group, labels),
  }));
}

function labelMix(rows: InferenceRow[], labels: readonly string[]): Record<string, number> {
  const mix = Object.fromEntries(labels.map((label) => [label, 0]));
  for (const row of rows) mix[row.label] += 1;
  return mix;
}
