import { LocalExecutor } from '@scones/executor';
import { randomUUID } from 'node:crypto';
import type { Execution } from './execution.js';

/** A state machine name, ARN and definition, and how its tasks run. */
export interface StateMachineSpec {
  name: string;
  arn: string;
  definition: object;
  executor: LocalExecutor;
}

/** A Step Functions error with its API error type (`__type`). */
export class StepFunctionsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

/**
 * The executions of the local state machine: started, run to their end in the background, and
 * kept for DescribeExecution, ListExecutions and GetExecutionHistory.
 *
 * @example
 * const execution = store.start('{"s3_bucket":"scones-images","s3_key":"a.png"}');
 * const done = await store.completion(execution.executionArn);
 */
export class ExecutionStore {
  private readonly executions = new Map<string, Execution>();
  private readonly running = new Map<string, Promise<Execution>>();

  constructor(readonly stateMachine: StateMachineSpec) {}

  /** Starts an execution; `input` is a JSON string, as StartExecution takes it. */
  start(input = '{}', name: string = randomUUID()): Execution {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new StepFunctionsError(
        'InvalidExecutionInput',
        `Invalid State Machine Execution Input: '${input.slice(0, 80)}' is not JSON.`,
      );
    }
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) {
      throw new StepFunctionsError(
        'InvalidName',
        `Invalid Name: '${name}' (1-80 letters, digits, - and _).`,
      );
    }
    const arn = `${this.stateMachine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    if (this.executions.has(arn)) {
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
    }
    const execution: Execution = {
      executionArn: arn,
      stateMachineArn: this.stateMachine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate: new Date(),
      events: [],
    };
    this.executions.set(arn, execution);
    const context = {
      Execution: { Id: arn, Name: name, StartTime: execution.startDate.toISOString() },
      StateMachine: { Id: this.stateMachine.arn, Name: this.stateMachine.name },
    };
    this.running.set(
      arn,
      this.stateMachine.executor.execute(parsed, context).then(
        (result) => {
          execution.events = result.events;
          execution.status = result.status;
          if (result.status === 'SUCCEEDED') execution.output = JSON.stringify(result.output);
          if (result.status === 'FAILED')
            Object.assign(execution, { error: result.error, cause: result.cause });
          execution.stopDate = new Date();
          this.running.delete(arn);
          return execution;
        },
        (error: unknown) => {
          Object.assign(execution, {
            status: 'FAILED',
            error: 'States.Runtime',
            cause: String(error),
            stopDate: new Date(),
          });
          this.running.delete(arn);
          return execution;
        },
      ),
    );
    return execution;
  }

  /** The execution once it has stopped. */
  async completion(executionArn: string): Promise<Execution> {
    return this.running.get(executionArn) ?? this.describe(executionArn);
  }

  describe(executionArn: string): Execution {
    const execution = this.executions.get(executionArn);
    if (!execution)
      throw new StepFunctionsError(
        'ExecutionDoesNotExist',
        `Execution Does Not Exist: '${executionArn}'`,
      );
    return execution;
  }

  /** Newest first, as ListExecutions returns them. */
  list(statusFilter?: string): Execution[] {
    return [...this.executions.values()]
      .filter((execution) => !statusFilter || execution.status === statusFilter)
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
  }

  /** Waits for every running execution. */
  async drain(): Promise<void> {
    await Promise.all(this.running.values());
  }
}
