import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LocalExecutor, type LambdaHandler } from '@scones/executor';
import type { MapState, StateMachineDefinition } from '@scones/workflow';
import { randomUUID } from 'node:crypto';
import { localOutcome } from '../classify/local-outcome.js';
import type { ExecutionOutcome } from '../classify/execution-outcome.js';
import { listObjectItems } from './item-reader.js';
import { applyItemSelector } from './item-selector.js';

/** One item of a Map run and how its child execution ended (PENDING: never started). */
export interface MapItemResult {
  index: number;
  key: string;
  executionArn: string;
  status: 'SUCCEEDED' | 'FAILED' | 'PENDING';
  input: Record<string, unknown>;
  outcome?: ExecutionOutcome;
  startDate?: Date;
  stopDate?: Date;
}

export interface MapRunResult {
  mapRunArn: string;
  status: 'SUCCEEDED' | 'FAILED';
  error?: string;
  cause?: string;
  items: MapItemResult[];
  /** Where ResultWriter's files went: `s3://bucket/prefix/<run>/manifest.json` and the rest. */
  resultFiles: string[];
  seconds: number;
}

export interface MapRunOptions {
  /** A definition whose StartAt is a Distributed Map (from buildBatchDefinition). */
  definition: StateMachineDefinition;
  stateMachineArn: string;
  input: { s3_bucket: string; s3_prefix: string };
  s3: S3Client;
  lambdas: Readonly<Record<string, LambdaHandler>>;
  retryDelayMs?: number;
  /** Overrides the definition's MaxConcurrency (one machine runs fewer children at once than AWS). */
  maxConcurrency?: number;
  onItemDone?: (done: number, total: number, item: MapItemResult) => void;
  /** Aborting it starts no more children (StopExecution); those running end first. */
  signal?: AbortSignal;
}

/**
 * Runs a Distributed Map on this machine with its AWS semantics (aws-local-stepfunctions ignores
 * them): lists the items as the ItemReader would, builds each child's input with the
 * ItemSelector, runs the ItemProcessor once per item with the concurrency limit, stops starting
 * children once failures pass ToleratedFailurePercentage or ToleratedFailureCount (the rest stay
 * PENDING, as on AWS), and writes the results where and how ResultWriter would. Every item gets
 * exactly one result.
 */
export async function runDistributedMap(options: MapRunOptions): Promise<MapRunResult> {
  const started = process.hrtime.bigint();
  const [mapName, map] = distributedMap(options.definition);
  const mapRunId = randomUUID();
  const mapRunArn = `${options.stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${map.Label ?? mapName}:${mapRunId}`;
  const { ProcessorConfig: _config, ...processor } = map.ItemProcessor;
  const executor = new LocalExecutor(processor, {
    lambdas: options.lambdas,
    retryDelayMs: options.retryDelayMs,
  });

  const reader = map.ItemReader?.ReaderConfig?.['MaxItems'];
  const objects = await listObjectItems(
    options.s3,
    options.input.s3_bucket,
    options.input.s3_prefix,
    typeof reader === 'number' ? reader : undefined,
  );
  const items: MapItemResult[] = objects.map((object, index) => ({
    index,
    key: object.Key,
    executionArn: `${mapRunArn.replace(':mapRun:', ':express:')}:${index}`,
    status: 'PENDING',
    input: map.ItemSelector
      ? applyItemSelector(map.ItemSelector, {
          input: options.input,
          item: { Index: index, Value: object },
        })
      : { ...object },
  }));

  const toleratedPercent = map.ToleratedFailurePercentage ?? 0;
  const toleratedCount = map.ToleratedFailureCount;
  let failures = 0;
  const exceeded = () =>
    (items.length > 0 && (failures / items.length) * 100 > toleratedPercent) ||
    (toleratedCount !== undefined && failures > toleratedCount);

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length && !exceeded() && !options.signal?.aborted) {
      const item = items[next++];
      item.startDate = new Date();
      const outcome = localOutcome(
        await executor.execute(item.input, {
          Execution: { Id: item.executionArn, Name: String(item.index) },
        }),
      );
      item.stopDate = new Date();
      item.outcome = outcome;
      item.status = outcome.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED';
      if (item.status === 'FAILED') failures += 1;
      options.onItemDone?.(++done, items.length, item);
    }
  };
  const concurrency = Math.max(
    1,
    Math.min(options.maxConcurrency ?? Infinity, map.MaxConcurrency || Infinity),
  );
  await Promise.all(
    Array.from({ length: Math.min(concurrency, Math.max(items.length, 1)) }, worker),
  );

  const failed = exceeded();
  const resultFiles = await writeResults(options, map, mapRunArn, mapRunId, items);
  return {
    mapRunArn,
    status: failed ? 'FAILED' : 'SUCCEEDED',
    ...(failed
      ? {
          error: 'States.ExceedToleratedFailureThreshold',
          cause: `${failures} of ${items.length} items failed, more than the tolerated ${toleratedCount === undefined ? '' : `${toleratedCount} or `}${toleratedPercent}%.`,
        }
      : {}),
    items,
    resultFiles,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

function distributedMap(definition: StateMachineDefinition): [string, MapState] {
  const state = definition.States[definition.StartAt];
  if (state?.Type !== 'Map' || state.ItemProcessor.ProcessorConfig?.Mode !== 'DISTRIBUTED') {
    throw new Error(
      `The definition does not start with a Distributed Map (StartAt "${definition.StartAt}").`,
    );
  }
  return [definition.StartAt, state];
}

/** Writes the files a ResultWriter writes: one per status, and a manifest listing them. */
async function writeResults(
  options: MapRunOptions,
  map: MapState,
  mapRunArn: string,
  mapRunId: string,
  items: MapItemResult[],
): Promise<string[]> {
  const parameters = map.ResultWriter?.Parameters;
  if (!parameters) return [];
  const bucket = String(parameters['Bucket']);
  const prefix = `${String(parameters['Prefix'] ?? '').replace(/\/$/, '')}/${mapRunId}`;
  const files: Record<string, { Key: string; Size: number }[]> = {
    FAILED: [],
    PENDING: [],
    SUCCEEDED: [],
  };
  const written: string[] = [];
  const put = async (key: string, body: string) => {
    await options.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json',
      }),
    );
    written.push(`s3://${bucket}/${key}`);
    return Buffer.byteLength(body);
  };
  for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
    const entries = items
      .filter((item) => item.status === status)
      .map((item) => resultEntry(options.stateMachineArn, item));
    if (entries.length === 0) continue;
    const key = `${prefix}/${status}_0.json`;
    files[status].push({ Key: key, Size: await put(key, JSON.stringify(entries)) });
  }
  await put(
    `${prefix}/manifest.json`,
    JSON.stringify({ DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: files }),
  );
  return written;
}

function resultEntry(stateMachineArn: string, item: MapItemResult) {
  const outcome = item.outcome;
  return {
    ExecutionArn: item.executionArn,
    Input: JSON.stringify(item.input),
    InputDetails: { Included: true },
    Name: String(item.index),
    ...(outcome?.status === 'SUCCEEDED'
      ? { Output: JSON.stringify(outcome.output), OutputDetails: { Included: true } }
      : {}),
    ...(outcome && outcome.status !== 'SUCCEEDED'
      ? { Error: outcome.error, Cause: outcome.cause }
      : {}),
    StartDate: item.startDate?.toISOString(),
    StopDate: item.stopDate?.toISOString(),
    StateMachineArn: stateMachineArn,
    Status: item.status,
  };
}
