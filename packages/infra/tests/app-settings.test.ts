// Context values are checked at synth, each against what the service takes, in one line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppSettingsError, readAppSettings } from '../src/index.js';

const settings = (values: Record<string, string>) => readAppSettings((key) => values[key]);

describe('readAppSettings', () => {
  it('reads the defaults from no context at all', () => {
    expect(settings({})).toMatchObject({
      stackName: 'SconesWorkflow',
      workflow: {
        endpoint: { existingEndpointName: 'scones-classifier' },
        lowConfidence: { mode: 'fail' },
      },
    });
  });

  it.each([
    ['threshold', '2', 'a number from 0 to 1'],
    ['threshold', 'high', 'a number from 0 to 1'],
    ['lowConfidence', 'maybe', 'fail or review'],
    ['logRetentionDays', '2', 'one CloudWatch Logs accepts: 1, 3, 5'],
    ['endpointName', 'scones_classifier', 'letters, digits and hyphens'],
    ['stackName', '1st-stack', 'a letter, then letters, digits and hyphens'],
    ['bucketName', 'My_Bucket', 'an S3 bucket name'],
    ['initialInstanceCount', '0', 'a whole number from 1 to 100'],
    ['maxInstanceCount', '1.5', 'a whole number from 1 to 100'],
  ])('refuses %s=%s, naming the key and what it takes', (key, value, allowed) => {
    expect(() => settings({ modelDataUrl: 's3://models/m/model.tar.gz', [key]: value })).toThrow(
      AppSettingsError,
    );
    expect(() => settings({ modelDataUrl: 's3://models/m/model.tar.gz', [key]: value })).toThrow(
      `Context value ${key}=${value} is not allowed: ${allowed}`,
    );
  });

  it('refuses a maximum instance count below the initial one, and a model that is not an S3 URI', () => {
    expect(() =>
      settings({
        modelDataUrl: 's3://models/a/model.tar.gz',
        initialInstanceCount: '3',
        maxInstanceCount: '2',
      }),
    ).toThrow('at least initialInstanceCount (3)');
    expect(() => settings({ modelDataUrl: 'model.tar.gz' })).toThrow('an s3://bucket/key URI');
    expect(() =>
      settings({ modelDataUrl: 's3://models/a/model.tar.gz', instanceType: 'm5.large' }),
    ).toThrow('a SageMaker instance type such as ml.m5.large');
  });
});

it('synthesizes a template for any region, even where the CDK CLI defaults the region to us-east-1', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk-out-'));
  const run = spawnSync(process.execPath, [path.join(__dirname, '../dist/app.js')], {
    env: {
      ...process.env,
      CDK_DEFAULT_REGION: 'us-east-1',
      CDK_DEFAULT_ACCOUNT: '123456789012',
      CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:bundling-stacks': [] }),
      CDK_OUTDIR: outdir,
    },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  const template = JSON.parse(
    readFileSync(path.join(outdir, 'SconesWorkflow.template.json'), 'utf8'),
  ) as { Mappings?: unknown; [section: string]: unknown };
  // The algorithm image's registry per region is a mapping, looked up at deploy time.
  const { Mappings: _byRegion, ...rest } = template;
  expect(JSON.stringify(rest)).not.toMatch(/us-east-1|123456789012/);
  expect(JSON.stringify(rest)).toContain('AWS::Region');
});

it('pins the stack to an account and region only when asked (-c account=... -c region=...)', () => {
  expect(settings({ region: 'eu-west-1', account: '123456789012' }).env).toEqual({
    region: 'eu-west-1',
    account: '123456789012',
  });
  expect(settings({}).env).toBeUndefined();
  expect(() => settings({ region: 'europe' })).toThrow('an AWS region such as eu-west-1');
});

it('makes `cdk synth -c threshold=2` fail in one line, not a stack trace (the app as cdk runs it)', () => {
  // cdk hands the app its context in CDK_CONTEXT_JSON and its output folder in CDK_OUTDIR.
  const run = spawnSync(process.execPath, [path.join(__dirname, '../dist/app.js')], {
    env: {
      ...process.env,
      CDK_CONTEXT_JSON: JSON.stringify({ threshold: '2' }),
      CDK_OUTDIR: mkdtempSync(path.join(tmpdir(), 'cdk-out-')),
    },
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  expect(run.stderr.trim()).toBe('Context value threshold=2 is not allowed: a number from 0 to 1.');
});
