import type { S3Client } from '@aws-sdk/client-s3';
import {
  runDistributedMap,
  type ExecutionEvent,
  type ExecutionResult,
  type LambdaHandler,
} from '@scones/executor';
import type { StateMachineDefinition } from '@scones/workflow';
import { s3ItemReader } from '../batch/item-reader.js';
import { s3ResultSink } from '../batch/s3-result-sink.js';
import type { StateMachineSpec } from '../executions/execution-store.js';

export interface BatchMachineOptions {
  name: string;
  arn: string;
  /** A definition whose StartAt is a Distributed Map (from buildBatchDefinition). */
  definition: StateMachineDefinition;
  s3: S3Client;
  lambdas: Readonly<Record<string, LambdaHandler>>;
  retryDelayMs?: number;
}

/**
 * The batch state machine as the Step Functions API serves it: StartExecution with
 * `{"s3_bucket": ..., "s3_prefix": ...}` runs its Distributed Map over local S3 (with its AWS
 * semantics: runDistributedMap of @scones/executor) and ends with the Map's output,
 * `{MapRunArn, ResultWriterDetails}`, and the history a Distributed Map writes (MapStateEntered,
 * MapRunStarted, MapRunSucceeded or MapRunFailed, MapStateExited).
 *
 * @example
 * const spec = batchMachine({ name: 'scones-batch-classification', arn, definition, s3, lambdas });
 */
export function batchMachine(options: BatchMachineOptions): StateMachineSpec {
  return {
    name: options.name,
    arn: options.arn,
    definition: options.definition,
    executor: {
      execute: (input, _context, { signal } = {}) => runBatchExecution(options, input, signal),
    },
  };
}

async function runBatchExecution(
  options: BatchMachineOptions,
  input: unknown,
  signal?: AbortSignal,
): Promise<ExecutionResult> {
  const mapName = options.definition.StartAt;
  const events: ExecutionEvent[] = [];
  const event = (type: string, fields: Partial<ExecutionEvent> = {}) =>
    events.push({ type, timestamp: Date.now(), ...fields });
  event('ExecutionStarted');
  event('StateEntered', { state: { name: mapName, type: 'Map', input } });
  const source = input as { s3_bucket?: unknown; s3_prefix?: unknown };
  if (typeof source?.s3_bucket !== 'string' || typeof source.s3_prefix !== 'string') {
    const cause =
      'The input needs s3_bucket and s3_prefix, e.g. {"s3_bucket": "scones-images", "s3_prefix": "incoming/"}.';
    event('ExecutionFailed', { Error: 'States.Runtime', Cause: cause });
    return { status: 'FAILED', error: 'States.Runtime', cause, events, taskAttempts: [] };
  }
  const mapStarted = Date.now();
  const run = await runDistributedMap({
    definition: options.definition,
    stateMachineArn: options.arn,
    input: { s3_bucket: source.s3_bucket, s3_prefix: source.s3_prefix },
    executor: { lambdas: options.lambdas, retryDelayMs: options.retryDelayMs },
    readItems: s3ItemReader(options.s3),
    results: s3ResultSink(options.s3),
    signal,
  });
  events.push({ type: 'MapRunStarted', timestamp: mapStarted, mapRunArn: run.mapRunArn });
  event(run.status === 'SUCCEEDED' ? 'MapRunSucceeded' : 'MapRunFailed', {
    Error: run.error,
    Cause: run.cause,
  });
  if (signal?.aborted) {
    event('ExecutionAborted');
    return { status: 'ABORTED', events, taskAttempts: [] };
  }
  if (run.status === 'FAILED') {
    event('ExecutionFailed', { Error: run.error, Cause: run.cause });
    return {
      status: 'FAILED',
      error: run.error ?? 'States.ExceedToleratedFailureThreshold',
      cause: run.cause ?? '',
      events,
      taskAttempts: [],
    };
  }
  const manifest = run.resultFiles.find((file) => file.endsWith('manifest.json'));
  const [, , bucket, ...key] = (manifest ?? '').split('/');
  const output = {
    MapRunArn: run.mapRunArn,
    ...(manifest ? { ResultWriterDetails: { Bucket: bucket, Key: key.join('/') } } : {}),
  };
  event('StateExited', { state: { name: mapName, type: 'Map', input, output } });
  event('ExecutionSucceeded');
  return { status: 'SUCCEEDED', output, events, taskAttempts: [] };
}
