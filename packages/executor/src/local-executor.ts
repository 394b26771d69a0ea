import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { requireJsonPath } from './query-language.js';
import type { ExecutionEvent, ExecutionResult, TaskAttempt } from './execution-result.js';
import { replaceFalsyPassResults } from './falsy-pass-results.js';
import {
  findHandler,
  invokeLocally,
  isFunctionArn,
  isLambdaInvoke,
  type LambdaHandler,
} from './lambda-functions.js';
import { taskStates, type TaskStateRef } from './task-states.js';

/** A service integration run in process: receives the Task's resolved Parameters. */
export type ServiceIntegration = (parameters: unknown) => unknown;

/** What runs each Task of a definition. */
export interface LocalExecutorOptions {
  /** Lambda handlers by function name (or ARN), for `lambda:invoke` and Lambda-ARN tasks. */
  lambdas: Readonly<Record<string, LambdaHandler>>;
  /** Other integrations by Task resource, e.g. `arn:aws:states:::sqs:sendMessage`. */
  services?: Readonly<Record<string, ServiceIntegration>>;
  /** Replaces every Retry interval (0 in tests); by default the definition's own backoff applies. */
  retryDelayMs?: number;
  /** A Task result larger than this fails with States.DataLimitExceeded. Default 256 KiB, as on AWS. */
  maxPayloadBytes?: number;
}

/** Run-specific context, as `$$` exposes it (execution id and name, for instance). */
export interface ExecutionContext {
  Execution?: { Id?: string; Name?: string; [field: string]: unknown };
  StateMachine?: { Id?: string; Name?: string };
  [field: string]: unknown;
}

type TaskHandler = (input: unknown) => Promise<unknown>;

/** How one execution runs. */
export interface ExecuteOptions {
  /** Aborting it stops the execution (StopExecution): it ends ABORTED. */
  signal?: AbortSignal;
}

const STEP_FUNCTIONS_PAYLOAD_LIMIT = 256 * 1024;

/**
 * Runs an Amazon States Language definition on this machine with aws-local-stepfunctions,
 * every Task mapped to a local function, so nothing reaches AWS. Build one per definition and
 * reuse it: building validates the definition, which is the slow part. JSONPath definitions
 * only: a JSONata one is refused with {@link UnsupportedDefinitionError}.
 *
 * @example
 * const executor = new LocalExecutor(definition, {
 *   lambdas: { 'scones-serialize': serialize, 'scones-classify': classify, 'scones-threshold': threshold },
 * });
 * const result = await executor.execute({ s3_bucket: 'scones-images', s3_key: 'test/bicycle.png' });
 * if (result.status === 'FAILED') console.log(result.error, result.cause);
 */
export class LocalExecutor {
  private readonly machine: StateMachine;
  private readonly taskHandlers: Record<string, TaskHandler> = {};
  private readonly taskResources: Record<string, string> = {};
  private readonly retryIntervalOverrides: Record<string, number> = {};
  // Pass states run as Tasks (see replaceFalsyPassResults): reported as the Pass states they are.
  private readonly passStates: ReadonlySet<string>;

  constructor(
    definition: object,
    private readonly options: LocalExecutorOptions,
  ) {
    // The interpreter and its validator may annotate the object they get: give them a copy.
    // A JSON copy: definitions are JSON, and a copy made in this realm keeps the interpreter's
    // plain-object checks true under test runners that sandbox globals.
    const runnable = JSON.parse(JSON.stringify(definition)) as object;
    requireJsonPath(runnable);
    const passResults = replaceFalsyPassResults(runnable);
    this.passStates = new Set(Object.keys(passResults));
    this.machine = new StateMachine(runnable as StateMachineDefinition);
    for (const task of taskStates(runnable)) {
      this.taskResources[task.name] = task.resource;
      this.taskHandlers[task.name] =
        task.name in passResults ? async () => passResults[task.name] : this.localTask(task);
      if (task.hasRetry && options.retryDelayMs !== undefined) {
        this.retryIntervalOverrides[task.name] = options.retryDelayMs;
      }
    }
  }

  /**
   * Runs one execution to its end and returns its outcome with the event log and every Task
   * call it made.
   */
  async execute(
    input: unknown,
    context?: ExecutionContext,
    options: ExecuteOptions = {},
  ): Promise<ExecutionResult> {
    const taskAttempts: TaskAttempt[] = [];
    const run = this.machine.run(input as never, {
      overrides: {
        taskResourceLocalHandlers: this.recordedTasks(taskAttempts) as never,
        retryIntervalOverrides: this.retryIntervalOverrides,
      },
      context,
    });
    const stop = () => run.abort();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    const eventsDone = collect(run.eventLogs as AsyncGenerator<ExecutionEvent>).then((events) =>
      this.asDefined(events),
    );
    try {
      const output = await run.result;
      return { status: 'SUCCEEDED', output, events: await eventsDone, taskAttempts };
    } catch (error) {
      const events = await eventsDone;
      const failed = events.find((event) => event.type === 'ExecutionFailed');
      if (failed) {
        return {
          status: 'FAILED',
          error: String(failed.Error),
          cause: stringify(failed.Cause),
          events,
          taskAttempts,
        };
      }
      if (events.some((event) => event.type === 'ExecutionTimeout'))
        return { status: 'TIMED_OUT', events, taskAttempts };
      if (options.signal?.aborted || events.some((event) => event.type === 'ExecutionAborted'))
        return { status: 'ABORTED', events, taskAttempts };
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', stop);
    }
  }

  /** This run's Task handlers: the shared ones, each call recorded in `attempts`. */
  private recordedTasks(attempts: TaskAttempt[]): Record<string, TaskHandler> {
    const handlers: Record<string, TaskHandler> = {};
    for (const [state, handle] of Object.entries(this.taskHandlers)) {
      if (this.passStates.has(state)) {
        handlers[state] = handle;
        continue;
      }
      const resource = this.taskResources[state];
      handlers[state] = async (parameters) => {
        const attempt: TaskAttempt = { state, resource, parameters, startedAt: Date.now() };
        attempts.push(attempt);
        try {
          attempt.output = await handle(parameters);
          return attempt.output;
        } catch (error) {
          attempt.error = error instanceof Error ? error.name : 'Error';
          attempt.cause = error instanceof Error ? error.message : String(error);
          throw error;
        } finally {
          attempt.endedAt = Date.now();
        }
      };
    }
    return handlers;
  }

  /** The events with each state's type as the definition says (Pass states run as Tasks). */
  private asDefined(events: ExecutionEvent[]): ExecutionEvent[] {
    if (this.passStates.size === 0) return events;
    return events.map((event) =>
      event.state && this.passStates.has(event.state.name)
        ? { ...event, state: { ...event.state, type: 'Pass' } }
        : event,
    );
  }

  private localTask(task: TaskStateRef): TaskHandler {
    if (isLambdaInvoke(task.resource)) {
      return async (parameters) => {
        const { FunctionName, Payload } = (parameters ?? {}) as {
          FunctionName?: unknown;
          Payload?: unknown;
        };
        const result = await invokeLocally(
          this.lambdaHandler(String(FunctionName), task.name),
          Payload ?? {},
        );
        return this.limited(
          { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: result },
          task.name,
        );
      };
    }
    if (isFunctionArn(task.resource)) {
      return async (input) =>
        this.limited(
          await invokeLocally(this.lambdaHandler(task.resource, task.name), input),
          task.name,
        );
    }
    const service = this.options.services?.[task.resource];
    if (!service) {
      throw new Error(
        `Task "${task.name}" uses ${task.resource}, which has no local integration: ` +
          'pass one in the executor options under services.',
      );
    }
    return async (parameters) => this.limited(await service(parameters), task.name);
  }

  private lambdaHandler(functionName: string, stateName: string): LambdaHandler {
    const handler = findHandler(this.options.lambdas, functionName);
    if (handler) return handler;
    const known = Object.keys(this.options.lambdas).join(', ') || 'none';
    throw namedError(
      'Lambda.ResourceNotFoundException',
      `Task "${stateName}" invokes ${functionName}, which has no local handler (known: ${known}).`,
    );
  }

  private limited(result: unknown, stateName: string): unknown {
    const limit = this.options.maxPayloadBytes ?? STEP_FUNCTIONS_PAYLOAD_LIMIT;
    const size = Buffer.byteLength(JSON.stringify(result ?? null));
    if (size > limit) {
      throw namedError(
        'States.DataLimitExceeded',
        `The result of "${stateName}" is ${size} bytes, over the ${limit}-byte limit of Step Functions.`,
      );
    }
    return result;
  }
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

async function collect(events: AsyncGenerator<ExecutionEvent>): Promise<ExecutionEvent[]> {
  const all: ExecutionEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

function stringify(cause: unknown): string {
  return typeof cause === 'string' ? cause : JSON.stringify(cause ?? '');
}
