import { DEFAULT_CLASS_LABELS, DEFAULT_THRESHOLD } from '@scones/contracts';
import type { S3Client } from '@aws-sdk/client-s3';
import { captureLines } from './capture-files.js';
import { ConfidenceHistogram } from './confidence-histogram.js';
import { percentile } from './percentile.js';
import { Reservoir } from './reservoir.js';
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
  /**
   * Inference rows kept for the report (`inferences`, the scatter chart, `--json`): an even
   * sample when there are more, so memory stays bounded. The aggregates count every row.
   * Default 10,000.
   */
  maxInferenceRows?: number;
  /** Unreadable lines listed in `problems` (all are counted in `problemCount`). Default 1,000. */
  maxProblems?: number;
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
  /** Every inference, in time order, or an even sample of `maxInferenceRows` of them. */
  inferences: InferenceRow[];
  /** Whether `inferences` is a sample (`summary.count` says how many there were). */
  sampled: boolean;
  problems: CaptureProblem[];
  /** Every unreadable line, listed or not. */
  problemCount: number;
  summary: ConfidenceSummary;
  hourly: HourlyPoint[];
  /** Every inference's confidence, counted per label in thousandths (see `histogramBins`). */
  histogram: ConfidenceHistogram;
}

/**
 * Reads every capture record under a folder or `s3://` prefix and reports each inference
 * (time, probabilities, label, confidence, passes-at-threshold) and the aggregates: count, pass
 * rate, confidence percentiles, label mix, a histogram and an hourly series. It streams: one
 * pass over the lines, aggregates updated as each is read, at most `maxInferenceRows` rows and
 * 8 bytes per inference kept. A line that does not parse is listed with its file and line
 * number; it never stops the run.
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
  const rows = new Reservoir<InferenceRow>(options.maxInferenceRows ?? 10_000);
  const confidences = new GrowingFloat64Array();
  const hours = new Map<string, HourAccumulator>();
  const histogram = new ConfidenceHistogram();
  const mix = Object.fromEntries(labels.map((label) => [label, 0]));
  const problems: CaptureProblem[] = [];
  let problemCount = 0;
  let passed = 0;
  let first: Date | undefined;
  let last: Date | undefined;
  const files = new Set<string>();
  let lines = 0;
  for await (const line of captureLines(source, { s3: options.s3 })) {
    files.add(line.file);
    lines += 1;
    let inference: CapturedInference;
    try {
      inference = parseCaptureRecord(line.text, labels);
    } catch (error) {
      if (!(error instanceof InvalidCaptureRecordError)) throw error;
      problemCount += 1;
      if (problems.length < (options.maxProblems ?? 1_000))
        problems.push({ file: line.file, line: line.lineNumber, reason: error.message });
      continue;
    }
    if (options.since && inference.time < options.since) continue;
    if (options.until && inference.time >= options.until) continue;
    const passes = inference.confidence >= threshold;
    rows.add({ ...inference, passes, file: line.file, line: line.lineNumber });
    confidences.push(inference.confidence);
    histogram.add(inference.label, inference.confidence);
    mix[inference.label] = (mix[inference.label] ?? 0) + 1;
    if (passes) passed += 1;
    if (!first || inference.time < first) first = inference.time;
    if (!last || inference.time > last) last = inference.time;
    const hour = `${inference.time.toISOString().slice(0, 13)}:00:00Z`;
    const accumulator = hours.get(hour) ?? newHour(labels);
    accumulator.count += 1;
    if (passes) accumulator.passed += 1;
    accumulator.confidenceSum += inference.confidence;
    accumulator.labels[inference.label] = (accumulator.labels[inference.label] ?? 0) + 1;
    hours.set(hour, accumulator);
  }
  const inferences = rows.items.sort((a, b) => a.time.getTime() - b.time.getTime());
  const count = rows.offered;
  const sorted = confidences.sorted();
  return {
    source,
    threshold,
    labels,
    files: files.size,
    lines,
    inferences,
    sampled: inferences.length < count,
    problems,
    problemCount,
    summary: {
      count,
      passed,
      passRate: count ? passed / count : null,
      confidence: sorted.length
        ? {
            min: sorted[0] ?? 0,
            p5: percentile(sorted, 5),
            p25: percentile(sorted, 25),
            p50: percentile(sorted, 50),
            p75: percentile(sorted, 75),
            p95: percentile(sorted, 95),
            max: sorted[sorted.length - 1] ?? 0,
          }
        : null,
      labels: mix,
      first: first?.toISOString() ?? null,
      last: last?.toISOString() ?? null,
    },
    hourly: [...hours]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([hour, h]) => ({
        hour,
        count: h.count,
        passRate: h.passed / h.count,
        meanConfidence: h.confidenceSum / h.count,
        labels: h.labels,
      })),
    histogram,
  };
}

interface HourAccumulator {
  count: number;
  passed: number;
  confidenceSum: number;
  labels: Record<string, number>;
}

const newHour = (labels: readonly string[]): HourAccumulator => ({
  count: 0,
  passed: 0,
  confidenceSum: 0,
  labels: Object.fromEntries(labels.map((label) => [label, 0])),
});

// 8 bytes per confidence, doubled as it fills: the percentiles need every value.
class GrowingFloat64Array {
  private values = new Float64Array(1024);
  private length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length] = value;
    this.length += 1;
  }

  sorted(): Float64Array {
    return this.values.slice(0, this.length).sort();
  }
}
