import type { ExecuteOptions, ExecutionContext, ExecutionResult } from '@scones/executor';
import { randomUUID } from 'node:crypto';
import { ExecutionFiles } from './execution-files.js';
import { checkExecutionName } from './execution-names.js';
import type { Execution, ExecutionRecord, ExecutionStatus } from './execution.js';
import { StepFunctionsError } from './step-functions-error.js';

export { StepFunctionsError } from './step-functions-error.js';

/** What runs a state machine's executions: a `LocalExecutor`, or anything shaped like one. */
export interface MachineExecutor {
  execute(
    input: unknown,
    context?: ExecutionContext,
    options?: ExecuteOptions,
  ): Promise<ExecutionResult>;
}

/** A state machine the store runs: its name, ARN, type and definition, and how it runs. */
export interface StateMachineSpec {
  name: string;
  arn: string;
  definition: object;
  executor: MachineExecutor;
  /** Default STANDARD. EXPRESS executions are run synchronously and not kept, as on AWS. */
  type?: 'STANDARD' | 'EXPRESS';
}

/** A state machine as the store serves it. */
export interface StateMachine extends Required<StateMachineSpec> {
  creationDate: Date;
}

export interface ExecutionStoreOptions {
  /** Keep executions in this folder, so that they outlive the process (default: in memory). */
  directory?: string;
}

/**
 * The executions of the local state machines: started, run to their end in the background,
 * stopped on request, and kept (on disk, given a folder) for DescribeExecution, ListExecutions
 * and GetExecutionHistory, by every process on the same data dir.
 *
 * @example
 * const execution = store.start('{"s3_bucket":"scones-images","s3_key":"a.png"}');
 * const done = await store.completion(execution.executionArn);
 */
export class ExecutionStore {
  readonly stateMachines: readonly StateMachine[];
  private readonly files?: ExecutionFiles;
  // This process's executions; with files, the others are read from disk when asked for.
  private readonly executions = new Map<string, Execution>();
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly running = new Map<
    string,
    { done: Promise<Execution>; controller: AbortController; stop?: StopRequest }
  >();

  constructor(
    machines: StateMachineSpec | StateMachineSpec[],
    options: ExecutionStoreOptions = {},
  ) {
    const creationDate = new Date();
    this.stateMachines = (Array.isArray(machines) ? machines : [machines]).map((machine) => ({
      type: 'STANDARD',
      ...machine,
      creationDate,
    }));
    if (options.directory) this.files = new ExecutionFiles(options.directory);
  }

  /** The first state machine: the one `start` runs when no other is named. */
  get stateMachine(): StateMachine {
    return this.stateMachines[0];
  }

  /** The state machine with this ARN; StateMachineDoesNotExist otherwise. */
  machine(arn: string): StateMachine {
    const machine = this.stateMachines.find((candidate) => candidate.arn === arn);
    if (!machine)
      throw new StepFunctionsError(
        'StateMachineDoesNotExist',
        `State Machine Does Not Exist: '${arn}'`,
      );
    return machine;
  }

  /**
   * Starts an execution; `input` is a JSON string, as StartExecution takes it. On an EXPRESS
   * machine it runs but is not kept (only its ARN comes back), as on AWS.
   */
  start(input = '{}', name: string = randomUUID(), machineArn = this.stateMachine.arn): Execution {
    const machine = this.machine(machineArn);
    const parsed = parseInput(input);
    const execution = newExecution(machine, name, input);
    const arn = execution.executionArn;
    if (machine.type !== 'EXPRESS' && this.find(arn)) {
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const controller = new AbortController();
    const done = this.run(machine, execution, parsed, controller.signal);
    if (machine.type === 'EXPRESS') return execution;
    this.executions.set(arn, execution);
    this.files?.save(machine.name, execution);
    this.running.set(arn, { done, controller });
    void done.then(() => this.running.delete(arn));
    return execution;
  }

  /** StartSyncExecution: runs an EXPRESS machine's execution to its end and returns it. */
  async startSync(
    machineArn: string,
    input = '{}',
    name: string = randomUUID(),
  ): Promise<Execution> {
    const machine = this.machine(machineArn);
    const execution = newExecution(machine, name, input);
    if (machine.type !== 'EXPRESS')
      throw new StepFunctionsError(
        'StateMachineTypeNotSupported',
        'This operation is not supported by this type of state machine',
      );
    return this.run(machine, execution, parseInput(input), new AbortController().signal);
  }

  /** StopExecution: aborts a running execution with an optional error and cause. */
  stop(executionArn: string, stop: StopRequest = {}): Execution {
    const execution = this.describe(executionArn);
    const running = this.running.get(executionArn);
    if (running) {
      running.stop = stop;
      running.controller.abort();
    } else if (execution.status === 'RUNNING') {
      throw new StepFunctionsError(
        'ValidationException',
        `${executionArn} runs in another scones process on this data dir: stop it there.`,
      );
    }
    return execution;
  }

  /** The execution once it has stopped. */
  async completion(executionArn: string): Promise<Execution> {
    return this.running.get(executionArn)?.done ?? this.describe(executionArn);
  }

  /** DescribeExecution; ExecutionDoesNotExist for an ARN no process on this data dir started. */
  describe(executionArn: string): Execution {
    const execution = this.find(executionArn);
    if (!execution)
      throw new StepFunctionsError(
        'ExecutionDoesNotExist',
        `Execution Does Not Exist: '${executionArn}'`,
      );
    return execution;
  }

  /** What the execution's history is made from (empty while it runs). */
  record(executionArn: string): ExecutionRecord {
    const execution = this.describe(executionArn);
    const machine = this.machine(execution.stateMachineArn);
    return (
      this.records.get(executionArn) ??
      this.files?.history(machine.name, execution.name) ?? { events: [], taskAttempts: [] }
    );
  }

  /** A machine's executions, newest first (ties by ARN), as ListExecutions orders them. */
  list(machineArn = this.stateMachine.arn, statusFilter?: ExecutionStatus): Execution[] {
    const machine = this.machine(machineArn);
    const all = new Map<string, Execution>();
    for (const execution of this.files?.list(machine.name) ?? [])
      all.set(execution.executionArn, execution);
    for (const execution of this.executions.values())
      if (execution.stateMachineArn === machine.arn) all.set(execution.executionArn, execution);
    return [...all.values()]
      .filter((execution) => !statusFilter || execution.status === statusFilter)
      .sort(
        (a, b) =>
          b.startDate.getTime() - a.startDate.getTime() ||
          (a.executionArn < b.executionArn ? 1 : -1),
      );
  }

  /** Waits for every running execution. */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()].map((running) => running.done));
  }

  private find(executionArn: string): Execution | undefined {
    const own = this.executions.get(executionArn);
    if (own || !this.files) return own;
    for (const machine of this.stateMachines) {
      const prefix = `${machine.arn.replace(':stateMachine:', ':execution:')}:`;
      if (executionArn.startsWith(prefix))
        return this.files.get(machine.name, executionArn.slice(prefix.length));
    }
    return undefined;
  }

  private async run(
    machine: StateMachine,
    execution: Execution,
    input: unknown,
    signal: AbortSignal,
  ): Promise<Execution> {
    const context = {
      Execution: {
        Id: execution.executionArn,
        Name: execution.name,
        StartTime: execution.startDate.toISOString(),
      },
      StateMachine: { Id: machine.arn, Name: machine.name },
    };
    let result: ExecutionResult;
    try {
      result = await machine.executor.execute(input, context, { signal });
    } catch (error) {
      result = {
        status: 'FAILED',
        error: 'States.Runtime',
        cause: String(error),
        events: [],
        taskAttempts: [],
      };
    }
    const stop = this.running.get(execution.executionArn)?.stop;
    Object.assign(execution, {
      status: result.status,
      stopDate: new Date(),
      ...(result.status === 'SUCCEEDED' ? { output: JSON.stringify(result.output ?? null) } : {}),
      ...(result.status === 'FAILED' ? { error: result.error, cause: result.cause } : {}),
      ...(result.status === 'ABORTED' && stop ? { error: stop.error, cause: stop.cause } : {}),
    });
    if (machine.type === 'STANDARD') {
      const record = { events: result.events, taskAttempts: result.taskAttempts };
      if (this.files) this.files.save(machine.name, execution, record);
      else this.records.set(execution.executionArn, record);
    }
    return execution;
  }
}

/** What StopExecution may say about why. */
export interface StopRequest {
  error?: string;
  cause?: string;
}

/** A just-started execution, its name checked; EXPRESS ones have `:express:` ARNs, as on AWS. */
function newExecution(machine: StateMachine, name: string, input: string): Execution {
  checkExecutionName(name);
  const kind = machine.type === 'EXPRESS' ? ':express:' : ':execution:';
  return {
    executionArn: `${machine.arn.replace(':stateMachine:', kind)}:${name}`,
    stateMachineArn: machine.arn,
    name,
    status: 'RUNNING',
    input,
    startDate: new Date(),
  };
}

function parseInput(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    throw new StepFunctionsError(
      'InvalidExecutionInput',
      `Invalid State Machine Execution Input: '${input.slice(0, 80)}' is not JSON.`,
    );
  }
}
