import { StepFunctionsError, type ExecutionStore } from '../executions/execution-store.js';
import type { Execution } from '../executions/execution.js';
import { executionHistory } from '../executions/history.js';

type Request = Record<string, unknown>;
export type Operation = (store: ExecutionStore, request: Request) => Promise<object> | object;

const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

function requireStateMachine(store: ExecutionStore, arn: unknown): void {
  if (arn !== store.stateMachine.arn) {
    throw new StepFunctionsError(
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${String(arn)}'`,
    );
  }
}

function described(execution: Execution) {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    stopDate: seconds(execution.stopDate),
    input: execution.input,
    output: execution.output,
    error: execution.error,
    cause: execution.cause,
  };
}

/** Slices a list for `maxResults` / `nextToken` paging (the token is the offset). */
function page<T>(items: T[], request: Request): { items: T[]; nextToken?: string } {
  const offset = Number(request['nextToken'] ?? 0) || 0;
  const size = Number(request['maxResults']) || 100;
  const next = offset + size < items.length ? String(offset + size) : undefined;
  return { items: items.slice(offset, offset + size), ...(next ? { nextToken: next } : {}) };
}

/** The subset of the Step Functions API the local stack serves, by operation name. */
export const OPERATIONS: Record<string, Operation> = {
  StartExecution(store, request) {
    requireStateMachine(store, request['stateMachineArn']);
    const execution = store.start(
      request['input'] as string | undefined,
      request['name'] as string | undefined,
    );
    return { executionArn: execution.executionArn, startDate: seconds(execution.startDate) };
  },

  async StartSyncExecution(store, request) {
    requireStateMachine(store, request['stateMachineArn']);
    const started = store.start(
      request['input'] as string | undefined,
      request['name'] as string | undefined,
    );
    return described(await store.completion(started.executionArn));
  },

  DescribeExecution(store, request) {
    return described(store.describe(String(request['executionArn'])));
  },

  ListExecutions(store, request) {
    requireStateMachine(store, request['stateMachineArn']);
    const { items, nextToken } = page(
      store.list(request['statusFilter'] as string | undefined),
      request,
    );
    return {
      executions: items.map((execution) => {
        const {
          input: _input,
          output: _output,
          error: _error,
          cause: _cause,
          ...summary
        } = described(execution);
        return summary;
      }),
      nextToken,
    };
  },

  GetExecutionHistory(store, request) {
    const history = executionHistory(store.describe(String(request['executionArn'])));
    const ordered = request['reverseOrder'] ? [...history].reverse() : history;
    const { items, nextToken } = page(ordered, request);
    return { events: items, nextToken };
  },

  DescribeStateMachine(store, request) {
    requireStateMachine(store, request['stateMachineArn']);
    const { arn, name, definition } = store.stateMachine;
    return {
      stateMachineArn: arn,
      name,
      status: 'ACTIVE',
      definition: JSON.stringify(definition),
      roleArn: `${arn.split(':stateMachine:')[0].replace(':states:', ':iam:')}:role/scones-local`,
      type: 'STANDARD',
      creationDate: 0,
    };
  },

  ListStateMachines(store) {
    const { arn, name } = store.stateMachine;
    return { stateMachines: [{ stateMachineArn: arn, name, type: 'STANDARD', creationDate: 0 }] };
  },
};
