import { PutObjectCommand } from '@aws-sdk/client-s3';
import { runDistributedMap, type DistributedMapRun } from '@scones/executor';
import { percentile } from '@scones/monitor';
import { buildBatchDefinition } from '@scones/workflow';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { collectImages } from '../classify/collect-images.js';
import {
  toClassificationResult,
  type ClassificationResult,
} from '../classify/execution-outcome.js';
import type { LocalStack } from '../stack/local-stack.js';
import { LOCAL_FUNCTION_NAMES } from '../stack/step-lambdas.js';
import { localOutcome } from '../classify/local-outcome.js';
import { s3ItemReader, type S3ObjectItem } from './item-reader.js';
import { s3ResultSink } from './s3-result-sink.js';

export interface BatchOptions {
  /**
   * `s3://bucket/prefix` in the local S3, or image files and folders on this machine (their
   * images are uploaded under one new prefix first, keyed by their path below the folder they
   * share).
   */
  source: string | readonly string[];
  /** Children at once. Default 8. */
  concurrency?: number;
  /** Default 10 (the definition's default). */
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
  /** Where ResultWriter writes, in the stack's bucket. Default `batch-results`. */
  resultsPrefix?: string;
  onProgress?: (done: number, total: number) => void;
  /** Told after each upload of local files. */
  onUpload?: (done: number, total: number) => void;
}

/** Uploads at once before a batch of local files. */
const UPLOAD_CONCURRENCY = 16;

/** One object's result; `pending` when the run stopped before reaching it. */
export interface BatchItemResult extends Omit<ClassificationResult, 'status'> {
  key: string;
  status: ClassificationResult['status'] | 'pending';
  milliseconds: number | null;
}

export interface BatchResult {
  run: DistributedMapRun;
  /** Every object's result, in listing order. */
  items: BatchItemResult[];
  summary: {
    status: DistributedMapRun['status'];
    images: number;
    outcomes: Record<BatchItemResult['status'], number>;
    labels: Record<string, number>;
    imagesPerSecond: number;
    latencyMs: { p50: number | null; p99: number | null };
  };
}

/**
 * `scones batch`: the batch definition's Distributed Map run on the local stack over a prefix of
 * local S3 (a folder is uploaded to one first), with every object accounted for once.
 */
export async function runBatch(stack: LocalStack, options: BatchOptions): Promise<BatchResult> {
  const { bucket, prefix, files } = await batchSource(stack, options.source, options.onUpload);
  const definition = buildBatchDefinition({
    functions: LOCAL_FUNCTION_NAMES,
    results: { bucket: stack.bucket, prefix: options.resultsPrefix ?? 'batch-results' },
    maxConcurrency: options.concurrency ?? 8,
    toleratedFailurePercentage: options.toleratedFailurePercentage,
    toleratedFailureCount: options.toleratedFailureCount,
  });
  const items: BatchItemResult[] = [];
  const run = await runDistributedMap({
    definition,
    stateMachineArn: stack.batchStateMachineArn,
    input: { s3_bucket: bucket, s3_prefix: prefix },
    executor: { lambdas: stack.lambdas, retryDelayMs: stack.retryDelayMs },
    readItems: s3ItemReader(stack.s3),
    results: s3ResultSink(stack.s3),
    onItemEnd(item, result, done, total) {
      const key = (item.value as S3ObjectItem).Key;
      const file = files.get(key) ?? `s3://${bucket}/${key}`;
      const milliseconds =
        item.startDate && item.stopDate ? item.stopDate.getTime() - item.startDate.getTime() : null;
      // Only what the summary and the output need is kept: a few hundred bytes per object.
      items[item.index] = result
        ? { key, ...toClassificationResult(file, localOutcome(result)), milliseconds }
        : {
            key,
            file,
            status: 'pending',
            label: null,
            confidence: null,
            inferences: null,
            error: null,
            milliseconds,
          };
      if (result) options.onProgress?.(done, total);
    },
  });
  return { run, items, summary: summarize(run, items) };
}

async function batchSource(
  stack: LocalStack,
  source: string | readonly string[],
  onUpload?: (done: number, total: number) => void,
) {
  const s3Uri = typeof source === 'string' ? /^s3:\/\/([^/]+)\/?(.*)$/.exec(source) : null;
  if (s3Uri) return { bucket: s3Uri[1], prefix: s3Uri[2], files: new Map<string, string>() };
  const prefix = `batch/${randomUUID().slice(0, 8)}/`;
  const { files: found } = await collectImages(typeof source === 'string' ? [source] : source);
  const keys = objectKeys(found);
  const files = new Map<string, string>();
  let next = 0;
  let done = 0;
  const upload = async () => {
    while (next < found.length) {
      const file = found[next];
      const key = `${prefix}${keys[next++]}`;
      await stack.s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: await readFile(file) }),
      );
      files.set(key, file);
      onUpload?.(++done, found.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPLOAD_CONCURRENCY, found.length) }, upload));
  return { bucket: stack.bucket, prefix, files };
}

/**
 * Each file's key below the batch prefix: its path below the folder all the files share, so a
 * folder keeps its layout and a single file keeps its name.
 */
export function objectKeys(files: readonly string[]): string[] {
  const resolved = files.map((file) => path.resolve(file));
  let base = path.dirname(resolved[0] ?? '');
  while (resolved.some((file) => path.relative(base, file).startsWith('..')))
    base = path.dirname(base);
  return resolved.map((file) => path.relative(base, file).split(path.sep).join('/'));
}

function summarize(run: DistributedMapRun, items: BatchItemResult[]): BatchResult['summary'] {
  const outcomes = { passed: 0, below_threshold: 0, failed: 0, pending: 0 };
  const labels: Record<string, number> = {};
  for (const item of items) {
    outcomes[item.status] += 1;
    if (item.label && item.status !== 'failed') labels[item.label] = (labels[item.label] ?? 0) + 1;
  }
  const latencies = items
    .flatMap((item) => (item.milliseconds === null ? [] : [item.milliseconds]))
    .sort((a, b) => a - b);
  const at = (p: number) => (latencies.length ? percentile(latencies, p) : null);
  const finished = items.length - outcomes.pending;
  return {
    status: run.status,
    images: items.length,
    outcomes,
    labels,
    imagesPerSecond: run.seconds > 0 ? finished / run.seconds : 0,
    latencyMs: { p50: at(50), p99: at(99) },
  };
}
