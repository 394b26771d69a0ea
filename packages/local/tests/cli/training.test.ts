// `scones dataset prepare` and `scones train` in subprocesses: the first on an archive the test
// makes in CIFAR-100's binary format, uploading to a real local S3; the second against a Step
// Functions API serving the training definition, its SageMaker tasks answered locally.
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { LocalExecutor, type ServiceIntegration } from '@scones/executor';
import { buildTrainingDefinition } from '@scones/workflow';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExecutionStore, StepFunctionsServer } from '../../src/index.js';
import { randomRecords, recordsBin, writeArchive } from '../../../../tools/testing/cifar-archive';
import { startLocalS3, type LocalS3 } from '../../../../tools/testing/local-s3';
import { runCli } from './run-cli';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scones-training-'));
});

describe('scones dataset prepare', () => {
  let s3: LocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3(['scones-images']);
    await writeArchive(path.join(dir, 'cifar-100-binary.tar.gz'), {
      'cifar-100-binary/train.bin': recordsBin(randomRecords([8, 48, 3, 8, 48, 48])),
      'cifar-100-binary/test.bin': recordsBin(randomRecords([8, 48, 7])),
    });
    await writeFile(path.join(dir, 'broken.tar.gz'), 'not an archive');
  });
  afterAll(() => s3.stop());

  it('writes the SageMaker layout and uploads it into the four channels', async () => {
    const run = await runCli(
      [
        'dataset',
        'prepare',
        '--from',
        'cifar-100-binary.tar.gz',
        '--out',
        'data',
        '--upload',
        's3://scones-images/training',
      ],
      {
        cwd: dir,
        env: s3.env,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('train: bicycle 2, motorcycle 3 (train.lst)');
    expect(run.stdout).toContain('test: bicycle 1, motorcycle 1 (test.lst)');
    const listed = await s3.client.send(
      new ListObjectsV2Command({ Bucket: 'scones-images', Prefix: 'training/' }),
    );
    const channels = new Set(listed.Contents?.map((o) => o.Key!.split('/')[1]));
    expect([...channels].sort()).toEqual(['train', 'train_lst', 'validation', 'validation_lst']);
    expect(listed.KeyCount).toBe(5 + 2 + 2);
  });

  it.each([
    ['a corrupt archive', ['--from', 'broken.tar.gz', '--out', 'x'], /Not a gzip archive/],
    ['a missing archive', ['--from', 'none.tar.gz', '--out', 'x'], /No archive at none.tar.gz/],
    [
      'bad classes',
      ['--from', 'cifar-100-binary.tar.gz', '--out', 'x', '--classes', '8,800'],
      /--classes must list/,
    ],
  ])('exits 2 with a message for %s', async (_case, args, message) => {
    const run = await runCli(['dataset', 'prepare', ...args], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('scones train', () => {
  let server: StepFunctionsServer;
  let accuracy = 0.9;
  const arn = 'arn:aws:states:us-east-1:000000000000:stateMachine:scones-training';

  beforeAll(async () => {
    const ok: ServiceIntegration = () => ({});
    const definition = buildTrainingDefinition({
      sageMakerRoleArn: 'arn:aws:iam::000000000000:role/sagemaker',
      algorithmImage: 'image-classification:1',
      outputPath: 's3://scones-images/models',
      endpointName: 'scones-classifier',
      dataCapture: { destination: 's3://scones-images/data_capture' },
    });
    const executor = new LocalExecutor(definition, {
      lambdas: {},
      services: {
        'arn:aws:states:::sagemaker:createTrainingJob.sync': (p) => ({
          TrainingJobName: (p as { TrainingJobName: string }).TrainingJobName,
          ModelArtifacts: { S3ModelArtifacts: 's3://scones-images/models/m.tar.gz' },
          FinalMetricDataList: [{ MetricName: 'validation:accuracy', Value: accuracy }],
        }),
        'arn:aws:states:::sagemaker:createModel': ok,
        'arn:aws:states:::sagemaker:createEndpointConfig': ok,
        'arn:aws:states:::aws-sdk:sagemaker:describeEndpoint': ok,
        'arn:aws:states:::sagemaker:createEndpoint': ok,
        'arn:aws:states:::sagemaker:updateEndpoint': ok,
      },
    });
    server = await StepFunctionsServer.start(
      new ExecutionStore({ name: 'scones-training', arn, definition, executor }),
    );
  });
  afterAll(() => server.close());

  const env = () => ({
    AWS_ENDPOINT_URL_SFN: server.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    SCONES_POLL_MS: '50',
  });

  it('starts training and prints each state until the endpoint is updated', async () => {
    accuracy = 0.9;
    const run = await runCli(
      ['train', '--state-machine-arn', arn, '--data', 's3://scones-images/training'],
      { cwd: dir, env: env() },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Started arn:aws:states:us-east-1:000000000000:execution:scones-training:/,
    );
    for (const state of [
      'Train model',
      'Accurate enough?',
      'Create model',
      'Create endpoint config',
      'Find endpoint',
      'Update endpoint',
    ])
      expect(run.stdout).toContain(state);
    expect(run.stdout).toContain('Training succeeded');
  });

  it('exits 1 and says why when the model is not accurate enough', async () => {
    accuracy = 0.5;
    const run = await runCli(
      ['train', '--state-machine-arn', arn, '--data', 's3://scones-images/training'],
      { cwd: dir, env: env() },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Training FAILED: ModelAccuracyTooLowError');
    expect(run.stdout).not.toContain('Update endpoint');
  });
});
