// The Step Functions API of `scones up` as AWS documents it, through the real
// @aws-sdk/client-sfn: one test per rule, each naming the API reference page it comes from
// (https://docs.aws.amazon.com/step-functions/latest/apireference/<page>).
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  type ListExecutionsCommandInput,
} from '@aws-sdk/client-sfn';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePng } from '../../../../tools/testing/images';
import { runCli } from '../cli/run-cli';
import { startSconesUp, type SconesUp } from './scones-up';

let dataDir: string;
let up: SconesUp;
let sfn: SFNClient;
let s3: S3Client;
const machine = () => up.env['STATE_MACHINE_ARN'];
const input = JSON.stringify({ s3_bucket: 'scones-images', s3_key: 'api/photo.png' });

async function connect(): Promise<void> {
  up = await startSconesUp(['--data-dir', dataDir]);
  const config = {
    region: up.env['AWS_REGION'],
    credentials: {
      accessKeyId: up.env['AWS_ACCESS_KEY_ID'],
      secretAccessKey: up.env['AWS_SECRET_ACCESS_KEY'],
    },
    maxAttempts: 1,
  };
  sfn = new SFNClient({
    ...config,
    endpoint: up.env['AWS_ENDPOINT_URL_SFN'],
    disableHostPrefix: true,
  });
  s3 = new S3Client({
    ...config,
    endpoint: up.env['AWS_ENDPOINT_URL_S3'],
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
}

async function disconnect(): Promise<void> {
  sfn.destroy();
  s3.destroy();
  await up.stop();
}

async function finished(executionArn: string) {
  for (;;) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (execution.status !== 'RUNNING') return execution;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const start = (name?: string) =>
  sfn.send(new StartExecutionCommand({ stateMachineArn: machine(), input, name }));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'scones-sfn-api-'));
  await connect();
  await s3.send(
    new PutObjectCommand({ Bucket: 'scones-images', Key: 'api/photo.png', Body: await makePng() }),
  );
}, 60_000);

afterAll(async () => {
  await disconnect();
  await rm(dataDir, { recursive: true, force: true });
});

describe('ARNs and names (CommonErrors.html, API_StartExecution.html)', () => {
  it.each([
    ['not an ARN', 'photo-1'],
    [
      'a state machine ARN where an execution ARN belongs',
      'arn:aws:states:us-east-1:000000000000:stateMachine:scones-image-classification',
    ],
    ['an ARN of another service', 'arn:aws:s3:::scones-images'],
  ])('answers InvalidArn for %s', async (_case, executionArn) => {
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn }))).rejects.toMatchObject({
      name: 'InvalidArn',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers StateMachineDoesNotExist and ExecutionDoesNotExist for well-formed ARNs of nothing', async () => {
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${machine()}-nope`, input })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    await expect(
      sfn.send(
        new DescribeExecutionCommand({
          executionArn: `${machine().replace(':stateMachine:', ':execution:')}:never-started`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
  });

  it.each(['run.2024-01', 'run@host', 'über-lieferung', 'a'.repeat(80)])(
    'accepts the execution name %s',
    async (name) => {
      const { executionArn } = await start(name);
      expect(executionArn?.endsWith(`:${name}`)).toBe(true);
      expect((await finished(executionArn!)).name).toBe(name);
    },
  );

  it.each(['two words', 'tab\tname', 'a/b', 'a:b', 'x*', '{json}', 'pipe|d', 'del\u007f'])(
    'answers InvalidName for %j',
    async (name) => {
      await expect(start(name)).rejects.toMatchObject({ name: 'InvalidName' });
    },
  );

  it.each([
    ['81 characters', 'a'.repeat(81)],
    ['an empty name', ''],
  ])('answers ValidationException for %s (the 1-80 length constraint)', async (_case, name) => {
    await expect(start(name)).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('answers ExecutionAlreadyExists for a name used before', async () => {
    await start('only-once');
    await expect(start('only-once')).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
  });
});

describe('ListExecutions (API_ListExecutions.html)', () => {
  const list = (request: Omit<ListExecutionsCommandInput, 'stateMachineArn'>) =>
    sfn.send(new ListExecutionsCommand({ stateMachineArn: machine(), ...request }));

  it.each([
    ['maxResults over 1,000', { maxResults: 1001 }, 'ValidationException'],
    ['a negative maxResults', { maxResults: -1 }, 'ValidationException'],
    ['an unknown statusFilter', { statusFilter: 'DONE' as never }, 'ValidationException'],
    ['a nextToken it did not issue', { nextToken: 'page-2' }, 'InvalidToken'],
  ])('answers %s with %s', async (_case, request, name) => {
    await expect(list(request)).rejects.toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
  });

  it('pages with opaque tokens that stay right when executions start between pages', async () => {
    const before = await Promise.all(Array.from({ length: 5 }, (_, i) => start(`paged-${i}`)));
    await Promise.all(before.map(({ executionArn }) => finished(executionArn!)));
    const first = await list({ maxResults: 2 });
    expect(first.executions).toHaveLength(2);
    expect(first.nextToken).not.toMatch(/^\d+$/);
    await Promise.all([start('newer-1'), start('newer-2')]);
    const seen = [...first.executions!];
    for (let token = first.nextToken; token; ) {
      const page = await list({ maxResults: 2, nextToken: token });
      seen.push(...page.executions!);
      token = page.nextToken;
    }
    const arns = seen.map((execution) => execution.executionArn);
    expect(new Set(arns).size).toBe(arns.length);
    for (const { executionArn } of before) expect(arns).toContain(executionArn);
    expect(arns.some((arn) => arn!.endsWith(':newer-1'))).toBe(false);
  });

  it('filters by status', async () => {
    const { executions } = await list({ statusFilter: 'SUCCEEDED', maxResults: 1000 });
    expect(executions!.length).toBeGreaterThan(0);
    expect(executions!.every((execution) => execution.status === 'SUCCEEDED')).toBe(true);
  });
});

describe('state machines (API_DescribeStateMachine.html, API_ListStateMachines.html)', () => {
  it('serves the single-image STANDARD and EXPRESS machines and the batch machine, created now, with a role ARN that has no region', async () => {
    const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
    expect(stateMachines!.map((m) => [m.name, m.type])).toEqual([
      ['scones-image-classification', 'STANDARD'],
      ['scones-image-classification-express', 'EXPRESS'],
      ['scones-batch-classification', 'STANDARD'],
    ]);
    const described = await sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: machine() }),
    );
    expect(Date.now() - described.creationDate!.getTime()).toBeLessThan(10 * 60_000);
    expect(described.roleArn).toMatch(/^arn:aws:iam::\d{12}:role\//);
    expect(JSON.parse(described.definition!)).toHaveProperty('StartAt');
  });
});

describe('StartSyncExecution (API_StartSyncExecution.html)', () => {
  it('runs on the EXPRESS machine and answers StateMachineTypeNotSupported on a STANDARD one', async () => {
    const result = await sfn.send(
      new StartSyncExecutionCommand({
        stateMachineArn: up.env['EXPRESS_STATE_MACHINE_ARN'],
        input,
      }),
    );
    expect(result).toMatchObject({ status: expect.stringMatching(/SUCCEEDED|FAILED/) });
    expect(result.executionArn).toContain(':express:');
    await expect(
      sfn.send(new StartSyncExecutionCommand({ stateMachineArn: machine(), input })),
    ).rejects.toMatchObject({ name: 'StateMachineTypeNotSupported' });
  });
});

describe('GetExecutionHistory (API_GetExecutionHistory.html, API_HistoryEvent.html)', () => {
  it('has the events Step Functions writes for a lambda:invoke Task, and Pass states as Pass', async () => {
    const { executionArn } = await start('with-history');
    await finished(executionArn!);
    const { events } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    const types = events!.map((event) => event.type);
    expect(types.slice(0, 5)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
    ]);
    expect(types).toContain('PassStateEntered');
    expect(events![2].taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'us-east-1',
    });
    expect(JSON.parse(events![2].taskScheduledEventDetails!.parameters!)).toMatchObject({
      FunctionName: 'scones-serialize',
    });
  });

  it('leaves the execution data out when includeExecutionData is false', async () => {
    const [{ executionArn }] = (
      await sfn.send(
        new ListExecutionsCommand({ stateMachineArn: machine(), statusFilter: 'SUCCEEDED' }),
      )
    ).executions!;
    const { events } = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn,
        includeExecutionData: false,
        maxResults: 1000,
      }),
    );
    expect(JSON.stringify(events)).not.toContain('api/photo.png');
    expect(events![0].executionStartedEventDetails?.input).toBeUndefined();
  });
});

describe('StopExecution (API_StopExecution.html) and the batch machine', () => {
  beforeAll(async () => {
    for (let i = 0; i < 300; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, async (_, j) =>
          s3.send(
            new PutObjectCommand({
              Bucket: 'scones-images',
              Key: `day/${i + j}.png`,
              Body: await makePng({ color: { r: i + j, g: 90, b: 20 } }),
            }),
          ),
        ),
      );
  }, 60_000);

  it('stops a running execution: ABORTED, with the error and cause given', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: up.env['BATCH_STATE_MACHINE_ARN'],
        input: JSON.stringify({ s3_bucket: 'scones-images', s3_prefix: 'day/' }),
      }),
    );
    const { stopDate } = await sfn.send(
      new StopExecutionCommand({ executionArn, error: 'Operator.Stop', cause: 'wrong prefix' }),
    );
    expect(stopDate).toBeInstanceOf(Date);
    expect(await finished(executionArn!)).toMatchObject({
      status: 'ABORTED',
      error: 'Operator.Stop',
      cause: 'wrong prefix',
    });
  });

  it('runs the batch machine over a prefix to the Distributed Map output', async () => {
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: up.env['BATCH_STATE_MACHINE_ARN'],
        input: JSON.stringify({ s3_bucket: 'scones-images', s3_prefix: 'day/1' }),
      }),
    );
    const done = await finished(executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({
      MapRunArn: expect.stringContaining(':mapRun:'),
      ResultWriterDetails: {
        Bucket: 'scones-images',
        Key: expect.stringMatching(/manifest\.json$/),
      },
    });
  }, 60_000);
});

describe('executions outlive the stack (its data dir keeps them)', () => {
  it('lists after a restart what ran before it, and what scones classify ran on the same data dir', async () => {
    const { executionArn } = await start('before-the-restart');
    await finished(executionArn!);
    await disconnect();
    const photo = path.join(dataDir, 'classified.png');
    await writeFile(photo, await makePng());
    const classified = await runCli(['classify', photo, '--data-dir', dataDir]);
    expect(classified.code).toBe(0);
    await connect();
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({
      status: 'SUCCEEDED',
      name: 'before-the-restart',
    });
    const { executions } = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: machine(), maxResults: 1000 }),
    );
    const newest = executions![0];
    expect(newest.name).not.toBe('before-the-restart');
    const history = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn: newest.executionArn, maxResults: 1000 }),
    );
    expect(JSON.stringify(history.events)).toContain('classified.png');
  }, 120_000);
});
