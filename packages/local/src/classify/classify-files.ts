import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toClassificationResult, type ClassificationResult } from './execution-outcome.js';
import type { WorkflowRunner } from './workflow-runner.js';

export interface ClassifyFilesOptions {
  /** Overrides the threshold for these executions (the payload's `threshold` field). */
  threshold?: number;
  /** Executions at once. Default 4. */
  concurrency?: number;
  /** Told after each file. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Errors that stop the whole run (rejected with the error) instead of failing one file, such
   * as a bucket that does not exist. Default: none; every file gets a result.
   */
  abortOn?: (error: unknown) => boolean;
}

/**
 * Uploads each file and runs one execution per file, a few at a time. Every file gets a result,
 * in the order given, whatever happens to the others.
 *
 * @example
 * const results = await classifyFiles(['photos/bike.png'], localRunner(stack.s3, stack.bucket, stack.executions));
 */
export async function classifyFiles(
  files: readonly string[],
  runner: WorkflowRunner,
  options: ClassifyFilesOptions = {},
): Promise<ClassificationResult[]> {
  const run = randomUUID().slice(0, 8);
  const results = new Array<ClassificationResult>(files.length);
  let next = 0;
  let done = 0;
  let aborted = false;
  const worker = async () => {
    while (next < files.length && !aborted) {
      const index = next++;
      results[index] = await classifyOne(
        files[index],
        `uploads/${run}/${index}-${path.basename(files[index])}`,
        runner,
        options.threshold,
        options.abortOn,
      ).catch((error: unknown) => {
        aborted = true;
        throw error;
      });
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return results;
}

async function classifyOne(
  file: string,
  key: string,
  runner: WorkflowRunner,
  threshold: number | undefined,
  abortOn: (error: unknown) => boolean = () => false,
): Promise<ClassificationResult> {
  try {
    await runner.upload(key, await readFile(file));
    const input = {
      s3_bucket: runner.bucket,
      s3_key: key,
      image_data: '',
      ...(threshold === undefined ? {} : { threshold }),
    };
    return toClassificationResult(file, await runner.execute(input));
  } catch (error) {
    if (abortOn(error)) throw error;
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return {
      file,
      status: 'failed',
      label: null,
      confidence: null,
      inferences: null,
      error: { name, message },
    };
  }
}
