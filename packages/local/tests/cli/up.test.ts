// `scones up` in a subprocess, driven by the real AWS SDK clients for S3 and Step Functions,
// and `scones classify --state-machine-arn` against it, as it would run against AWS.
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePng } from '../../../../tools/testing/images';
import { CLI, runCli } from './run-cli';

let child: ChildProcess;
let env: Record<string, string>;
let s3: S3Client;
let sfn: SFNClient;

beforeAll(async () => {
  child = spawn(process.execPath, [
    CLI,
    'up',
    '--s3-port',
    '0',
    '--model-port',
    '0',
    '--sfn-port',
    '0',
    '--temporary',
  ]);
  env = await new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`scones up exited with ${code}: ${out}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Then, for example:')) {
        resolve(
          Object.fromEntries([...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]])),
        );
      }
    });
  });
  const config = {
    region: env['AWS_REGION'],
    credentials: {
      accessKeyId: env['AWS_ACCESS_KEY_ID'],
      secretAccessKey: env['AWS_SECRET_ACCESS_KEY'],
    },
  };
  s3 = new S3Client({
    ...config,
    endpoint: env['AWS_ENDPOINT_URL_S3'],
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  sfn = new SFNClient({ ...config, endpoint: env['AWS_ENDPOINT_URL_SFN'] });
});

afterAll(async () => {
  s3?.destroy();
  sfn?.destroy();
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
});

const stateMachineArn = () => env['STATE_MACHINE_ARN'];

async function waitForEnd(executionArn: string) {
  for (;;) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (execution.status !== 'RUNNING') return execution;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('scones up, through @aws-sdk/client-s3 and @aws-sdk/client-sfn', () => {
  it('prints the endpoints and the variables that point the SDK at them', () => {
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'AWS_ENDPOINT_URL_S3',
        'AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME',
        'AWS_ENDPOINT_URL_SFN',
        'AWS_REGION',
        // The AWS CLI and boto3 read the region from here, and the original Lambdas ENDPOINT_NAME.
        'AWS_DEFAULT_REGION',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'ENDPOINT_NAME',
        'STATE_MACHINE_ARN',
        'EXPRESS_STATE_MACHINE_ARN',
        'BATCH_STATE_MACHINE_ARN',
      ]),
    );
    expect(stateMachineArn()).toBe(
      'arn:aws:states:us-east-1:000000000000:stateMachine:scones-image-classification',
    );
  });

  it('runs an execution: upload, start, describe until it ends, read the output', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: 'scones-images',
        Key: 'incoming/bike.png',
        Body: await makePng(),
      }),
    );
    const input = JSON.stringify({
      s3_bucket: 'scones-images',
      s3_key: 'incoming/bike.png',
      image_data: '',
      threshold: 0,
    });
    const { executionArn, startDate } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: stateMachineArn(), input, name: 'first-photo' }),
    );
    expect(executionArn).toBe(
      'arn:aws:states:us-east-1:000000000000:execution:scones-image-classification:first-photo',
    );
    expect(startDate).toBeInstanceOf(Date);
    const done = await waitForEnd(executionArn!);
    expect(done).toMatchObject({ status: 'SUCCEEDED', name: 'first-photo', input });
    expect(JSON.parse(done.output!)).toMatchObject({
      s3_key: 'incoming/bike.png',
      status: 'passed',
      label: expect.any(String),
      threshold: 0,
    });

    const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events!.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskStateExited',
        'ExecutionSucceeded',
      ]),
    );
    expect(events!.find((e) => e.type === 'TaskStateEntered')?.stateEnteredEventDetails?.name).toBe(
      'Serialize image',
    );

    const listed = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: stateMachineArn() }),
    );
    expect(listed.executions!.map((e) => e.name)).toContain('first-photo');
    const machine = await sfn.send(
      new DescribeStateMachineCommand({ stateMachineArn: stateMachineArn() }),
    );
    expect(JSON.parse(machine.definition!).StartAt).toBe('Serialize image');
  });

  it('reports a failed execution with its named error, and unknown executions as the API does', async () => {
    const input = JSON.stringify({ s3_bucket: 'scones-images', s3_key: 'incoming/missing.png' });
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: stateMachineArn(), input }),
    );
    expect(await waitForEnd(executionArn!)).toMatchObject({
      status: 'FAILED',
      error: 'ImageNotFoundError',
    });
    await expect(
      sfn.send(new DescribeExecutionCommand({ executionArn: `${executionArn}-nope` })),
    ).rejects.toMatchObject({ name: 'ExecutionDoesNotExist' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn()}-nope`, input })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
    await expect(
      sfn.send(
        new StartExecutionCommand({ stateMachineArn: stateMachineArn(), input: 'not json' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
  });

  it('answers StartSyncExecution (with the host prefix off, as for any local endpoint)', async () => {
    const sync = new SFNClient({
      region: env['AWS_REGION'],
      endpoint: env['AWS_ENDPOINT_URL_SFN'],
      disableHostPrefix: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await s3.send(
      new PutObjectCommand({
        Bucket: 'scones-images',
        Key: 'incoming/sync.png',
        Body: await makePng(),
      }),
    );
    const result = await sync.send(
      new StartSyncExecutionCommand({
        stateMachineArn: env['EXPRESS_STATE_MACHINE_ARN'],
        input: JSON.stringify({
          s3_bucket: 'scones-images',
          s3_key: 'incoming/sync.png',
          threshold: 0,
        }),
      }),
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.parse(result.output!).status).toBe('passed');
    sync.destroy();
  });

  it('captures the endpoint’s traffic into the local bucket', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const listed = await s3.send(
      new ListObjectsV2Command({
        Bucket: 'scones-images',
        Prefix: 'data_capture/scones-classifier/AllTraffic/',
      }),
    );
    expect(listed.KeyCount).toBeGreaterThan(0);
    const first = await s3.send(
      new GetObjectCommand({ Bucket: 'scones-images', Key: listed.Contents![0].Key! }),
    );
    expect(
      JSON.parse((await first.Body!.transformToString()).split('\n')[0]).captureData.endpointInput
        .encoding,
    ).toBe('BASE64');
  });

  it('serves scones classify --state-machine-arn --bucket, which uses only the AWS SDK', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'scones-remote-'));
    await writeFile(path.join(dir, 'photo.png'), await makePng());
    await writeFile(path.join(dir, 'note.png'), 'not a photo');
    const run = await runCli(
      [
        'classify',
        'photo.png',
        'note.png',
        '--json',
        '--state-machine-arn',
        stateMachineArn(),
        '--bucket',
        'scones-images',
      ],
      {
        cwd: dir,
        env: { ...env, AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: 'http://127.0.0.1:9' },
      },
    );
    expect(run.code).toBe(0);
    const [photo, note] = JSON.parse(run.stdout);
    expect(photo).toMatchObject({
      file: 'photo.png',
      status: expect.stringMatching(/^(passed|below_threshold)$/),
      label: expect.any(String),
    });
    expect(photo.inferences).toHaveLength(2);
    expect(note).toMatchObject({
      file: 'note.png',
      status: 'failed',
      error: { name: 'UnsupportedImageError' },
    });
  });
});

describe('scones up with a port in use', () => {
  let blocker: Server;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('exits 2 and names the port and what needed it', async () => {
    const port = (blocker.address() as { port: number }).port;
    const run = await runCli([
      'up',
      '--s3-port',
      String(port),
      '--model-port',
      '0',
      '--sfn-port',
      '0',
      '--temporary',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Port ${port} for local S3 is in use`);
  });
});
