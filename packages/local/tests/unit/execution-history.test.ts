import { executionHistory, type Execution } from '../../src/index.js';

describe('executionHistory', () => {
  it('turns the interpreter’s events into Step Functions history events', () => {
    const execution: Execution = {
      executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:e',
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
      name: 'e',
      status: 'FAILED',
      input: '{"s3_key":"a.png"}',
      error: 'ImageNotFoundError',
      cause: '{"errorType":"ImageNotFoundError"}',
      startDate: new Date(1000),
      events: [
        { type: 'ExecutionStarted', timestamp: 1000 },
        {
          type: 'StateEntered',
          timestamp: 1001,
          state: { name: 'Serialize image', type: 'Task', input: { s3_key: 'a.png' } },
        },
        {
          type: 'StateFailed',
          timestamp: 1002,
          state: { name: 'Serialize image', type: 'Task', input: {} },
          Error: 'ImageNotFoundError',
          Cause: 'gone',
        },
        {
          type: 'StateCaught',
          timestamp: 1002,
          state: { name: 'Serialize image', type: 'Task', input: {} },
        },
        {
          type: 'StateExited',
          timestamp: 1003,
          state: { name: 'Serialize image', type: 'Task', input: {}, output: { error: {} } },
        },
        {
          type: 'StateEntered',
          timestamp: 1004,
          state: { name: 'Image rejected', type: 'Fail', input: { error: {} } },
        },
        { type: 'ExecutionFailed', timestamp: 1005 },
      ],
    };
    const history = executionHistory(execution);
    expect(history.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 1, 'TaskStateEntered'],
      [3, 2, 'TaskFailed'],
      [4, 3, 'TaskStateExited'],
      [5, 4, 'FailStateEntered'],
      [6, 5, 'ExecutionFailed'],
    ]);
    expect(history[1]).toMatchObject({
      timestamp: 1.001,
      stateEnteredEventDetails: { name: 'Serialize image', input: '{"s3_key":"a.png"}' },
    });
    expect(history[5]).toMatchObject({
      executionFailedEventDetails: {
        error: 'ImageNotFoundError',
        cause: '{"errorType":"ImageNotFoundError"}',
      },
    });
  });
});
