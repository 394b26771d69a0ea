import type { ExecutionStore, StateMachine } from '../executions/execution-store.js';
import type { Execution } from '../executions/execution.js';
import { executionHistory, LOCAL_ROLE_ARN } from '../executions/history.js';
import { StepFunctionsError } from '../executions/step-functions-error.js';
import { pageAfter } from './page-token.js';
import {
  arnField,
  maxResultsField,
  statusFilterField,
  stringField,
  type Request,
} from './request-fields.js';

export type Operation = (store: ExecutionStore, request: Request) => Promise<object> | object;

const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);
const INCLUDED = { included: true };

function summary(execution: Execution) {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    stopDate: seconds(execution.stopDate),
  };
}

function described(execution: Execution) {
  return {
    ...summary(execution),
    input: execution.input,
    inputDetails: INCLUDED,
    output: execution.output,
    outputDetails: execution.output === undefined ? undefined : INCLUDED,
    error: execution.error,
    cause: execution.cause,
  };
}

/** A standard machine's execution ARN from the request; express ones cannot be looked up. */
function executionArnOf(request: Request): string {
  const arn = arnField(request, 'executionArn', ['execution', 'express']);
  if (arn.split(':')[5] === 'express')
    throw new StepFunctionsError(
      'StateMachineTypeNotSupported',
      'This operation is not supported by this type of state machine',
    );
  return arn;
}

function standardMachine(store: ExecutionStore, request: Request): StateMachine {
  const machine = store.machine(arnField(request, 'stateMachineArn', ['stateMachine']));
  if (machine.type !== 'STANDARD')
    throw new StepFunctionsError(
      'StateMachineTypeNotSupported',
      'This operation is not supported by this type of state machine',
    );
  return machine;
}

// Step Functions' limit on a state's or an execution's input (256 KiB of UTF-8).
const MAX_INPUT = 262_144;

function inputOf(request: Request): string | undefined {
  const input = stringField(request, 'input', MAX_INPUT);
  if (input !== undefined && Buffer.byteLength(input) > MAX_INPUT)
    throw new StepFunctionsError(
      'ValidationException',
      `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${MAX_INPUT}`,
    );
  return input;
}

/**
 * The Step Functions API operations the local stack serves, by operation name, each checking
 * its request as the API reference says
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_Operations.html).
 */
export const OPERATIONS: Record<string, Operation> = {
  StartExecution(store, request) {
    const machineArn = arnField(request, 'stateMachineArn', ['stateMachine']);
    const execution = store.start(
      inputOf(request),
      stringField(request, 'name', 80, 1),
      machineArn,
    );
    return { executionArn: execution.executionArn, startDate: seconds(execution.startDate) };
  },

  async StartSyncExecution(store, request) {
    const machineArn = arnField(request, 'stateMachineArn', ['stateMachine']);
    const execution = await store.startSync(
      machineArn,
      inputOf(request),
      stringField(request, 'name', 80, 1),
    );
    return { ...described(execution), billingDetails: { billedDurationInMilliseconds: 100 } };
  },

  StopExecution(store, request) {
    const execution = store.stop(executionArnOf(request), {
      error: stringField(request, 'error', 256),
      cause: stringField(request, 'cause', 32_768),
    });
    return { stopDate: seconds(execution.stopDate ?? new Date()) };
  },

  DescribeExecution(store, request) {
    return described(store.describe(executionArnOf(request)));
  },

  ListExecutions(store, request) {
    const machine = standardMachine(store, request);
    const { items, nextToken } = pageAfter(
      store.list(machine.arn, statusFilterField(request)),
      stringField(request, 'nextToken', 3096),
      (execution) => execution.executionArn,
      `ListExecutions ${machine.arn} ${String(request['statusFilter'] ?? '')}`,
      maxResultsField(request),
    );
    return { executions: items.map(summary), nextToken };
  },

  GetExecutionHistory(store, request) {
    const executionArn = executionArnOf(request);
    const execution = store.describe(executionArn);
    const history = executionHistory(execution, store.record(executionArn), {
      includeExecutionData: request['includeExecutionData'] !== false,
    });
    const reverse = request['reverseOrder'] === true;
    const { items, nextToken } = pageAfter(
      reverse ? history.reverse() : history,
      stringField(request, 'nextToken', 3096),
      (event) => String(event.id),
      `GetExecutionHistory ${executionArn} ${reverse}`,
      maxResultsField(request),
    );
    return { events: items, nextToken };
  },

  DescribeStateMachine(store, request) {
    const machine = store.machine(arnField(request, 'stateMachineArn', ['stateMachine']));
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: JSON.stringify(machine.definition),
      roleArn: LOCAL_ROLE_ARN,
      type: machine.type,
      creationDate: seconds(machine.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
    };
  },

  ListStateMachines(store, request) {
    const { items, nextToken } = pageAfter(
      store.stateMachines,
      stringField(request, 'nextToken', 3096),
      (machine) => machine.arn,
      'ListStateMachines',
      maxResultsField(request),
    );
    return {
      stateMachines: items.map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: machine.type,
        creationDate: seconds(machine.creationDate),
      })),
      nextToken,
    };
  },
};
