// The history as Step Functions writes it for a lambda:invoke Task
// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_GetExecutionHistory.html,
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html).
import { executionHistory, type Execution } from '../../src/index.js';

const execution: Execution = {
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:e',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
  name: 'e',
  status: 'FAILED',
  input: '{"s3_key":"a.png"}',
  error: 'ImageNotFoundError',
  cause: '{"errorType":"ImageNotFoundError"}',
  startDate: new Date(1000),
};
const task = (input: unknown, output?: unknown) => ({
  name: 'Serialize image',
  type: 'Task',
  input,
  ...(output ? { output } : {}),
});
const record = {
  events: [
    { type: 'ExecutionStarted', timestamp: 1000 },
    { type: 'StateEntered', timestamp: 1001, state: task({ s3_key: 'a.png' }) },
    { type: 'StateRetried', timestamp: 1003, state: task({}) },
    { type: 'StateFailed', timestamp: 1006, state: task({}), Error: 'ImageNotFoundError' },
    { type: 'StateCaught', timestamp: 1006, state: task({}) },
    { type: 'StateExited', timestamp: 1007, state: task({}, { error: {} }) },
    {
      type: 'StateEntered',
      timestamp: 1008,
      state: { name: 'Image rejected', type: 'Fail', input: { error: {} } },
    },
    { type: 'ExecutionFailed', timestamp: 1009 },
  ],
  taskAttempts: [1002, 1004].map((startedAt) => ({
    state: 'Serialize image',
    resource: 'arn:aws:states:::lambda:invoke',
    parameters: { FunctionName: 'scones-serialize', Payload: { s3_key: 'a.png' } },
    startedAt,
    endedAt: startedAt + 1,
    error: startedAt === 1002 ? 'StorageUnavailableError' : 'ImageNotFoundError',
    cause: '{"errorType":"ImageNotFoundError"}',
  })),
};

describe('executionHistory', () => {
  it('writes each call of a lambda:invoke Task as TaskScheduled, TaskStarted and TaskFailed', () => {
    const history = executionHistory(execution, record);
    expect(history.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'TaskStateEntered'],
      [3, 2, 'TaskScheduled'],
      [4, 3, 'TaskStarted'],
      [5, 4, 'TaskFailed'],
      [6, 5, 'TaskScheduled'],
      [7, 6, 'TaskStarted'],
      [8, 7, 'TaskFailed'],
      [9, 8, 'TaskStateExited'],
      [10, 9, 'FailStateEntered'],
      [11, 10, 'ExecutionFailed'],
    ]);
    expect(history[2]).toMatchObject({
      timestamp: 1.002,
      taskScheduledEventDetails: {
        resourceType: 'lambda',
        resource: 'invoke',
        region: 'us-east-1',
        parameters: '{"FunctionName":"scones-serialize","Payload":{"s3_key":"a.png"}}',
      },
    });
    expect(history[4]).toMatchObject({
      taskFailedEventDetails: { resourceType: 'lambda', error: 'StorageUnavailableError' },
    });
    expect(history[1]).toMatchObject({
      stateEnteredEventDetails: { name: 'Serialize image', input: '{"s3_key":"a.png"}' },
    });
    expect(history[10]).toMatchObject({
      executionFailedEventDetails: {
        error: 'ImageNotFoundError',
        cause: '{"errorType":"ImageNotFoundError"}',
      },
    });
    expect(history[0]).toMatchObject({
      executionStartedEventDetails: {
        input: '{"s3_key":"a.png"}',
        roleArn: 'arn:aws:iam::000000000000:role/scones-local-state-machine',
      },
    });
  });

  it('leaves inputs, outputs and parameters out when includeExecutionData is false', () => {
    const history = executionHistory(execution, record, { includeExecutionData: false });
    const text = JSON.stringify(history);
    expect(text).not.toContain('a.png');
    expect(history[1]).toEqual(
      expect.objectContaining({ stateEnteredEventDetails: { name: 'Serialize image' } }),
    );
  });
});
