import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from '../execution-result.js';
import { LocalExecutor, type LocalExecutorOptions } from '../local-executor.js';
import { resolveTemplate } from './payload-template.js';
import { ResultWriter, type ResultEntry, type ResultSink } from './result-writer.js';

/** What a Map state's ItemReader asks for, its Parameters resolved against the state input. */
export interface ItemReaderRequest {
  /** e.g. `arn:aws:states:::s3:listObjectsV2` */
  resource: string;
  parameters: Record<string, unknown>;
  maxItems?: number;
}

/** Reads the items (e.g. lists the objects under an S3 prefix, page by page). */
export type ItemReader = (request: ItemReaderRequest) => Promise<readonly unknown[]>;

/** One item of a Map run: its child execution's input and, once it ran, when. */
export interface MapRunItem {
  index: number;
  /** The item as the reader gave it (`$$.Map.Item.Value`). */
  value: unknown;
  /** The child's input: the ItemSelector applied to the item. */
  input: unknown;
  executionArn: string;
  startDate?: Date;
  stopDate?: Date;
}

export interface DistributedMapOptions {
  /** A definition whose StartAt is a Distributed Map. */
  definition: object;
  stateMachineArn: string;
  /** The Map state's input. */
  input: unknown;
  /** How the children's Tasks run (the ItemProcessor is run by a LocalExecutor). */
  executor: LocalExecutorOptions;
  readItems: ItemReader;
  /** Where ResultWriter's files go; needed when the Map has a ResultWriter. */
  results?: ResultSink;
  /** Overrides the definition's MaxConcurrency (one machine runs fewer children at once than AWS). */
  maxConcurrency?: number;
  /** Aborting it starts no more children (StopExecution); those running end first. */
  signal?: AbortSignal;
  /**
   * Told of each item once: when its child ends, with how it ended; after the run, with no
   * result, for each item never started. The run itself keeps no results.
   */
  onItemEnd?: (
    item: MapRunItem,
    result: ExecutionResult | undefined,
    done: number,
    total: number,
  ) => void;
}

export interface DistributedMapRun {
  mapRunArn: string;
  status: 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  error?: string;
  cause?: string;
  counts: { total: number; succeeded: number; failed: number; pending: number };
  /** Where ResultWriter's files went: `s3://bucket/prefix/<run>/manifest.json` and the rest. */
  resultFiles: string[];
  seconds: number;
}

interface MapState {
  Type: 'Map';
  Label?: string;
  ItemReader?: {
    Resource: string;
    Parameters?: Record<string, unknown>;
    ReaderConfig?: { MaxItems?: number };
  };
  ItemSelector?: Record<string, unknown>;
  ItemProcessor: { ProcessorConfig?: { Mode?: string }; StartAt: string; States: object };
  MaxConcurrency?: number;
  ToleratedFailurePercentage?: number;
  ToleratedFailureCount?: number;
  ResultWriter?: { Resource: string; Parameters?: Record<string, unknown> };
}

/**
 * Runs a Distributed Map on this machine with its Step Functions semantics, which
 * aws-local-stepfunctions validates but ignores
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html): reads the
 * items as the ItemReader would, builds each child's input with the ItemSelector, runs the
 * ItemProcessor once per item within MaxConcurrency, stops starting children once failures
 * pass ToleratedFailurePercentage or ToleratedFailureCount (the rest stay PENDING, and the run
 * fails with States.ExceedToleratedFailureThreshold), and writes what ResultWriter would as the
 * children end. Every item is accounted for exactly once.
 *
 * @example
 * const run = await runDistributedMap({ definition, stateMachineArn, input, executor: { lambdas }, readItems, results });
 */
export async function runDistributedMap(
  options: DistributedMapOptions,
): Promise<DistributedMapRun> {
  const started = process.hrtime.bigint();
  const [mapName, map] = distributedMap(options.definition);
  const mapRunId = randomUUID();
  const mapRunArn = `${options.stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${map.Label ?? mapName}:${mapRunId}`;
  const { ProcessorConfig: _config, ...processor } = map.ItemProcessor;
  const executor = new LocalExecutor(processor, options.executor);

  const values = map.ItemReader
    ? await options.readItems({
        resource: map.ItemReader.Resource,
        parameters: resolveTemplate(map.ItemReader.Parameters ?? {}, { input: options.input }),
        maxItems: map.ItemReader.ReaderConfig?.MaxItems,
      })
    : [];
  const writer = resultWriter(options, map, mapRunArn, mapRunId);
  const total = values.length;
  const itemAt = (index: number): MapRunItem => {
    const value = values[index];
    return {
      index,
      value,
      input: map.ItemSelector
        ? resolveTemplate(map.ItemSelector, {
            input: options.input,
            item: { Index: index, Value: value },
          })
        : value,
      executionArn: `${mapRunArn.replace(':mapRun:', ':express:')}:${index}`,
    };
  };

  // Either threshold, when set, fails the run once passed; with neither, any failure does.
  const toleratedPercent = map.ToleratedFailurePercentage;
  const toleratedCount = map.ToleratedFailureCount;
  const counts = { total, succeeded: 0, failed: 0, pending: 0 };
  const exceeded = () =>
    toleratedPercent === undefined && toleratedCount === undefined
      ? counts.failed > 0
      : (toleratedPercent !== undefined &&
          total > 0 &&
          (counts.failed / total) * 100 > toleratedPercent) ||
        (toleratedCount !== undefined && counts.failed > toleratedCount);

  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < total && !exceeded() && !options.signal?.aborted) {
      const item = itemAt(next++);
      item.startDate = new Date();
      const result = await executor.execute(item.input, {
        Execution: { Id: item.executionArn, Name: String(item.index) },
      });
      item.stopDate = new Date();
      if (result.status === 'SUCCEEDED') counts.succeeded += 1;
      else counts.failed += 1;
      await writer?.add(resultEntry(options.stateMachineArn, item, result));
      options.onItemEnd?.(item, result, ++done, total);
    }
  };
  const concurrency = Math.max(
    1,
    Math.min(options.maxConcurrency ?? Infinity, map.MaxConcurrency || Infinity),
  );
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(total, 1)) }, worker));

  for (let index = next; index < total; index++) {
    const item = itemAt(index);
    counts.pending += 1;
    await writer?.add(resultEntry(options.stateMachineArn, item, undefined));
    options.onItemEnd?.(item, undefined, done, total);
  }
  const resultFiles = (await writer?.finish()) ?? [];
  const failed = exceeded();
  return {
    mapRunArn,
    status: options.signal?.aborted ? 'ABORTED' : failed ? 'FAILED' : 'SUCCEEDED',
    ...(failed
      ? {
          error: 'States.ExceedToleratedFailureThreshold',
          cause: `${counts.failed} of ${total} items failed, more than the tolerated ${
            [
              toleratedCount === undefined ? undefined : String(toleratedCount),
              toleratedPercent === undefined ? undefined : `${toleratedPercent}%`,
            ]
              .filter(Boolean)
              .join(' or ') || 'none'
          }.`,
        }
      : {}),
    counts,
    resultFiles,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

function distributedMap(definition: object): [string, MapState] {
  const { StartAt, States } = definition as { StartAt: string; States: Record<string, MapState> };
  const state = States[StartAt];
  if (state?.Type !== 'Map' || state.ItemProcessor.ProcessorConfig?.Mode !== 'DISTRIBUTED') {
    throw new Error(`The definition does not start with a Distributed Map (StartAt "${StartAt}").`);
  }
  return [StartAt, state];
}

function resultWriter(
  options: DistributedMapOptions,
  map: MapState,
  mapRunArn: string,
  mapRunId: string,
): ResultWriter | undefined {
  const parameters = map.ResultWriter?.Parameters;
  if (!parameters) return undefined;
  if (!options.results)
    throw new Error('The Map has a ResultWriter: pass `results`, where its files go.');
  const prefix = `${String(parameters['Prefix'] ?? '').replace(/\/$/, '')}/${mapRunId}`;
  return new ResultWriter(options.results, String(parameters['Bucket']), prefix, mapRunArn);
}

function resultEntry(
  stateMachineArn: string,
  item: MapRunItem,
  result: ExecutionResult | undefined,
): ResultEntry {
  const status = !result ? 'PENDING' : result.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED';
  return {
    ExecutionArn: item.executionArn,
    Input: JSON.stringify(item.input),
    InputDetails: { Included: true },
    Name: String(item.index),
    ...(result?.status === 'SUCCEEDED'
      ? { Output: JSON.stringify(result.output), OutputDetails: { Included: true } }
      : {}),
    ...(result?.status === 'FAILED' ? { Error: result.error, Cause: result.cause } : {}),
    ...(result && result.status !== 'SUCCEEDED' && result.status !== 'FAILED'
      ? { Error: `States.${result.status === 'TIMED_OUT' ? 'Timeout' : 'Aborted'}`, Cause: '' }
      : {}),
    StartDate: item.startDate?.toISOString(),
    StopDate: item.stopDate?.toISOString(),
    StateMachineArn: stateMachineArn,
    Status: status,
  };
}
