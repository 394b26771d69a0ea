import { LocalExecutor } from '../../src/index.js';

const invoke = (functionName: string, next: { Next: string } | { End: true }) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: functionName, 'Payload.$': '$' },
  OutputPath: '$.Payload',
  ...next,
});

const twoSteps = {
  StartAt: 'Double',
  States: {
    Double: invoke('arn:aws:lambda:us-east-1:123456789012:function:double:live', {
      Next: 'Add one',
    }),
    'Add one': invoke('add-one', { End: true }),
  },
};

describe('LocalExecutor', () => {
  it('runs lambda:invoke tasks with in-process handlers, found by name or ARN', async () => {
    const executor = new LocalExecutor(twoSteps, {
      lambdas: {
        double: (e) => ({ n: (e as { n: number }).n * 2 }),
        'add-one': async (e) => ({ n: (e as { n: number }).n + 1 }),
      },
    });
    const result = await executor.execute({ n: 20 });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { n: 41 } });
  });

  it('hands the handler what Lambda would: a JSON copy of Payload', async () => {
    const seen: unknown[] = [];
    const executor = new LocalExecutor(twoSteps, {
      lambdas: {
        double: (e) => (seen.push(e), { n: 1, dropped: undefined }),
        'add-one': (e) => (seen.push(e), e),
      },
    });
    await executor.execute({ n: 1 });
    expect(seen).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('reports a thrown error by its name, with Lambda’s JSON as the cause', async () => {
    class ImageNotFoundError extends Error {
      override name = 'ImageNotFoundError';
    }
    const executor = new LocalExecutor(twoSteps, {
      lambdas: {
        double: () => {
          throw new ImageNotFoundError('s3://b/k.png not found');
        },
        'add-one': (e) => e,
      },
    });
    const result = await executor.execute({ n: 1 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'ImageNotFoundError' });
    if (result.status !== 'FAILED') throw new Error('expected a failure');
    expect(JSON.parse(result.cause)).toEqual({
      errorType: 'ImageNotFoundError',
      errorMessage: 's3://b/k.png not found',
    });
  });

  it('fails with Lambda.ResourceNotFoundException for a function it has no handler for', async () => {
    const result = await new LocalExecutor(twoSteps, { lambdas: { double: (e) => e } }).execute({
      n: 1,
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'Lambda.ResourceNotFoundException' });
  });

  it('retries as the definition says, with the delay overridden', async () => {
    let calls = 0;
    const flaky = {
      StartAt: 'Flaky',
      States: {
        Flaky: {
          ...invoke('flaky', { End: true }),
          Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 60, MaxAttempts: 2, BackoffRate: 2 }],
        },
      },
    };
    const executor = new LocalExecutor(flaky, {
      lambdas: {
        flaky: () => {
          calls += 1;
          if (calls < 3) throw Object.assign(new Error('busy'), { name: 'Busy' });
          return { ok: true };
        },
      },
      retryDelayMs: 0,
    });
    const result = await executor.execute({});
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
    expect(result.events.filter((e) => e.type === 'StateRetried')).toHaveLength(2);
    expect(result.taskAttempts).toEqual([
      // The cause as Lambda reports a function error: its JSON.
      expect.objectContaining({
        state: 'Flaky',
        error: 'Busy',
        cause: JSON.stringify({ errorType: 'Busy', errorMessage: 'busy' }),
      }),
      expect.objectContaining({ state: 'Flaky', error: 'Busy' }),
      expect.objectContaining({
        state: 'Flaky',
        output: { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: { ok: true } },
      }),
    ]);
  });

  it('records each Task call with its resource and resolved Parameters, for the history', async () => {
    const executor = new LocalExecutor(twoSteps, {
      lambdas: { double: () => ({ n: 2 }), 'add-one': () => ({ n: 3 }) },
    });
    const { taskAttempts } = await executor.execute({ n: 1 });
    expect(
      taskAttempts.map(({ state, resource, parameters }) => ({ state, resource, parameters })),
    ).toEqual([
      {
        state: 'Double',
        resource: 'arn:aws:states:::lambda:invoke',
        parameters: {
          FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:double:live',
          Payload: { n: 1 },
        },
      },
      {
        state: 'Add one',
        resource: 'arn:aws:states:::lambda:invoke',
        parameters: { FunctionName: 'add-one', Payload: { n: 2 } },
      },
    ]);
    expect(taskAttempts.every((attempt) => attempt.endedAt! >= attempt.startedAt)).toBe(true);
  });

  it('stops an execution when its signal aborts (StopExecution): it ends ABORTED', async () => {
    const controller = new AbortController();
    const slow = { StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 60, End: true } } };
    const running = new LocalExecutor(slow, { lambdas: {} }).execute({}, undefined, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(running).resolves.toMatchObject({ status: 'ABORTED' });
  });

  it('runs direct Lambda-ARN tasks and service integrations', async () => {
    const sent: unknown[] = [];
    const definition = {
      StartAt: 'Shout',
      States: {
        Shout: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:eu-west-1:123456789012:function:shout',
          Next: 'Notify',
        },
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: {
            QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q',
            'MessageBody.$': '$',
          },
          ResultPath: null,
          End: true,
        },
      },
    };
    const executor = new LocalExecutor(definition, {
      lambdas: { shout: (e) => ({ text: String((e as { text: string }).text).toUpperCase() }) },
      services: { 'arn:aws:states:::sqs:sendMessage': (p) => (sent.push(p), { MessageId: '1' }) },
    });
    await expect(executor.execute({ text: 'hi' })).resolves.toMatchObject({
      output: { text: 'HI' },
    });
    expect(sent).toEqual([
      {
        QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/q',
        MessageBody: { text: 'HI' },
      },
    ]);
  });

  it('refuses to build when a Task would reach a real AWS service', () => {
    const definition = {
      StartAt: 'Notify',
      States: {
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: { TopicArn: 't' },
          End: true,
        },
      },
    };
    expect(() => new LocalExecutor(definition, { lambdas: {} })).toThrow(
      /sns:publish, which has no local integration/,
    );
  });

  it('enforces the Step Functions payload limit on task results', async () => {
    const executor = new LocalExecutor(twoSteps, {
      lambdas: { double: () => ({ blob: 'x'.repeat(300 * 1024) }), 'add-one': (e) => e },
    });
    await expect(executor.execute({})).resolves.toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
    });
  });

  it('runs the tasks of an inline Map’s item processor', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: { StartAt: 'Double', States: { Double: invoke('double', { End: true }) } },
          End: true,
        },
      },
    };
    const executor = new LocalExecutor(definition, {
      lambdas: { double: (e) => (e as number) * 2 },
    });
    await expect(executor.execute({ items: [1, 2, 3] })).resolves.toMatchObject({
      output: [2, 4, 6],
    });
  });

  it('is reusable: one executor runs many executions', async () => {
    const executor = new LocalExecutor(twoSteps, {
      lambdas: { double: (e) => e, 'add-one': (e) => e },
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => executor.execute({ n })),
    );
    expect(
      results.map((r) => (r.status === 'SUCCEEDED' ? (r.output as { n: number }).n : -1)),
    ).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });
});

describe('LocalExecutor, where the interpreter differs from Step Functions', () => {
  it.each([[''], [0], [false], [null]])(
    'sets a Pass state’s falsy Result %p at its ResultPath',
    async (value) => {
      const definition = {
        StartAt: 'Clear',
        States: { Clear: { Type: 'Pass', Result: value, ResultPath: '$.image_data', End: true } },
      };
      const result = await new LocalExecutor(definition, { lambdas: {} }).execute({
        image_data: 'iVBO',
        s3_key: 'k',
      });
      expect(result).toMatchObject({
        status: 'SUCCEEDED',
        output: { image_data: value, s3_key: 'k' },
      });
      // It still is a Pass state for whoever reads the events, and no Task call.
      expect(result.events.filter((e) => e.state).map((e) => e.state?.type)).toEqual([
        'Pass',
        'Pass',
      ]);
      expect(result.taskAttempts).toEqual([]);
    },
  );
});

describe('a JSONata definition', () => {
  it.each([
    [
      'the whole machine',
      { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Succeed' } } },
      /the definition uses the JSONata/,
    ],
    [
      'one state in a Map',
      {
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'A',
              States: { A: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } },
            },
            End: true,
          },
        },
      },
      /state "A" uses the JSONata/,
    ],
  ])(
    'is refused by name when %s uses it, not run with its expressions ignored',
    (_where, definition, message) => {
      expect(() => new LocalExecutor(definition, { lambdas: {} })).toThrow(
        expect.objectContaining({
          name: 'UnsupportedDefinitionError',
          message: expect.stringMatching(message),
        }),
      );
    },
  );
});
