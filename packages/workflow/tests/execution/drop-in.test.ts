// Drop-in compatibility: the original system's public implementations wired the same three
// Lambdas in different ways. These are three such hand-written definitions; our adapters run
// inside them unchanged.
import { LocalExecutor, type ExecutionResult } from '@scones/executor';
import { makePng } from '../../../../tools/testing/images';
import { probabilities } from '../../../../tools/testing/sagemaker-runtime-server';
import { BUCKET, startLocalSteps, type LocalSteps } from './local-steps';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function';

function originalTask(
  functionName: string,
  paths: { InputPath?: string; OutputPath?: string },
  next?: string,
) {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { 'Payload.$': '$', FunctionName: `${ARN}:${functionName}:$LATEST` },
    ...paths,
    Retry: [
      {
        ErrorEquals: [
          'Lambda.ServiceException',
          'Lambda.AWSLambdaException',
          'Lambda.SdkClientException',
        ],
        IntervalSeconds: 2,
        MaxAttempts: 6,
        BackoffRate: 2,
      },
    ],
    ...(next ? { Next: next } : { End: true }),
  };
}

function originalDefinition(
  paths: [
    { InputPath?: string; OutputPath?: string },
    { InputPath?: string; OutputPath?: string },
    { InputPath?: string; OutputPath?: string },
  ],
) {
  return {
    Comment: 'Scones Unlimited image classification (console export)',
    StartAt: 'Serialize Image Data',
    States: {
      'Serialize Image Data': originalTask('scones-serialize', paths[0], 'Image Classification'),
      'Image Classification': originalTask(
        'scones-classify',
        paths[1],
        'Filter Low Confidence Inferences',
      ),
      'Filter Low Confidence Inferences': originalTask('scones-threshold', paths[2]),
    },
  };
}

const wirings: [string, ReturnType<typeof originalDefinition>][] = [
  [
    '(a) every task with OutputPath $.Payload',
    originalDefinition([
      { OutputPath: '$.Payload' },
      { OutputPath: '$.Payload' },
      { OutputPath: '$.Payload' },
    ]),
  ],
  ['(b) no InputPath or OutputPath at all', originalDefinition([{}, {}, {}])],
  [
    '(c) $.Payload.body out of the first, nothing on the second, $.Payload.body in and $.Payload out of the last',
    originalDefinition([
      { OutputPath: '$.Payload.body' },
      {},
      { InputPath: '$.Payload.body', OutputPath: '$.Payload' },
    ]),
  ],
];

let steps: LocalSteps;

beforeAll(async () => {
  steps = await startLocalSteps();
  await steps.s3.put(BUCKET, 'test/bicycle_s_000513.png', await makePng());
});

afterAll(() => steps.stop());

const input = { s3_bucket: BUCKET, s3_key: 'test/bicycle_s_000513.png', image_data: '' };

/** Whatever shape the last state left, the body our threshold Lambda returned. */
function finalBody(result: ExecutionResult): Record<string, unknown> {
  if (result.status !== 'SUCCEEDED') throw new Error(`expected success, got ${result.status}`);
  let output = result.output as Record<string, unknown>;
  if ('Payload' in output) output = output['Payload'] as Record<string, unknown>;
  return output['body'] as Record<string, unknown>;
}

describe.each(wirings)('the original wiring %s', (_wiring, definition) => {
  const lambdas = () => ({
    'scones-serialize': steps.lambdas['scones-serialize'],
    'scones-classify': steps.lambdas['scones-classify'],
    'scones-threshold': steps.lambdas['scones-threshold'],
  });

  it('classifies a confident image', async () => {
    steps.sagemaker.answer(probabilities(0.96, 0.04));
    const result = await new LocalExecutor(definition, { lambdas: lambdas() }).execute(input);
    expect(finalBody(result)).toMatchObject({
      s3_key: input.s3_key,
      inferences: [0.96, 0.04],
      label: 'bicycle',
      meets_threshold: true,
    });
  });

  it('fails a low-confidence image with the threshold error', async () => {
    steps.sagemaker.answer(probabilities(0.55, 0.45));
    const result = await new LocalExecutor(definition, { lambdas: lambdas() }).execute(input);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ThresholdConfidenceNotMetError' });
    expect(result.status === 'FAILED' && result.cause).toContain('THRESHOLD_CONFIDENCE_NOT_MET');
  });
});
