// The generated single-image definition, executed by a real ASL interpreter, with the real step
// adapters in process against s3rver and a SageMaker runtime server.
import { INLINE_IMAGE_MAX_BYTES } from '@scones/contracts';
import { LocalExecutor, type ExecutionResult } from '@scones/executor';
import { serializeHandlerFromEnvironment } from '@scones/serialize/lambda';
import {
  IMAGE_CLASSIFICATION_STATES as S,
  buildImageClassificationDefinition,
} from '../../src/index.js';
import { makeNoisePng, makePng } from '../../../../tools/testing/images';
import { failure, probabilities } from '../../../../tools/testing/sagemaker-runtime-server';
import { BUCKET, FUNCTION_NAMES, startLocalSteps, type LocalSteps } from './local-steps';

const STEP_FUNCTIONS_STATE_LIMIT = 256 * 1024;
let steps: LocalSteps;
let failMode: LocalExecutor;
let reviewMode: LocalExecutor;
let resultMode: LocalExecutor;
const reviewMessages: unknown[] = [];

beforeAll(async () => {
  steps = await startLocalSteps();
  await steps.s3.put(BUCKET, 'test/bicycle.png', await makePng());
  failMode = new LocalExecutor(buildImageClassificationDefinition({ functions: FUNCTION_NAMES }), {
    lambdas: steps.lambdas,
    retryDelayMs: 0,
  });
  resultMode = new LocalExecutor(
    buildImageClassificationDefinition({
      functions: FUNCTION_NAMES,
      lowConfidence: { mode: 'result' },
    }),
    { lambdas: steps.lambdas, retryDelayMs: 0 },
  );
  reviewMode = new LocalExecutor(
    buildImageClassificationDefinition({
      functions: FUNCTION_NAMES,
      lowConfidence: {
        mode: 'review',
        target: { queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/review' },
      },
    }),
    {
      lambdas: steps.lambdas,
      services: {
        'arn:aws:states:::sqs:sendMessage': (parameters) => (
          reviewMessages.push(parameters),
          { MessageId: 'm-1' }
        ),
      },
      retryDelayMs: 0,
    },
  );
});

afterAll(() => steps.stop());

const input = (key: string) => ({ s3_bucket: BUCKET, s3_key: key, image_data: '' });

function expectFailure(result: ExecutionResult, error: string) {
  expect(result.status).toBe('FAILED');
  if (result.status !== 'FAILED') throw new Error('expected a failure');
  expect(result.error).toBe(error);
  return JSON.parse(result.cause) as { errorType: string; errorMessage: string };
}

function retries(result: ExecutionResult, state: string) {
  return result.events.filter(
    (event) => event.type === 'StateRetried' && event.state?.name === state,
  ).length;
}

describe('the single-image workflow, executed', () => {
  it('classifies a confident image and outputs label and confidence without the image data', async () => {
    steps.sagemaker.answer(probabilities(0.97, 0.03));
    const result = await failMode.execute(input('test/bicycle.png'));
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        s3_bucket: BUCKET,
        s3_key: 'test/bicycle.png',
        image_data: '',
        content_type: 'image/png',
        inferences: [0.97, 0.03],
        label: 'bicycle',
        confidence: 0.97,
        threshold: 0.93,
        meets_threshold: true,
        status: 'passed',
      },
    });
  });

  it('fails a low-confidence image with THRESHOLD_CONFIDENCE_NOT_MET (fail mode)', async () => {
    steps.sagemaker.answer(probabilities(0.6, 0.4));
    const result = await failMode.execute(input('test/bicycle.png'));
    const cause = expectFailure(result, 'ThresholdConfidenceNotMetError');
    expect(cause.errorMessage).toMatch(
      /^THRESHOLD_CONFIDENCE_NOT_MET: confidence 0.6 for "bicycle"/,
    );
    expect(
      result.events.some((e) => e.type === 'StateEntered' && e.state?.name === S.belowThreshold),
    ).toBe(true);
  });

  it('ends a low-confidence image as a below_threshold result with the caught error (result mode)', async () => {
    steps.sagemaker.answer(probabilities(0.6, 0.4));
    const result = await resultMode.execute(input('test/bicycle.png'));
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: {
        status: 'below_threshold',
        label: 'bicycle',
        confidence: 0.6,
        error: {
          Error: 'ThresholdConfidenceNotMetError',
          Cause: expect.stringContaining('THRESHOLD_CONFIDENCE_NOT_MET'),
        },
      },
    });
  });

  it('sends a low-confidence image to review and succeeds with status review (review mode)', async () => {
    steps.sagemaker.answer(probabilities(0.3, 0.7));
    reviewMessages.length = 0;
    const result = await reviewMode.execute(input('test/bicycle.png'));
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { status: 'review', label: 'motorcycle', confidence: 0.7 },
    });
    expect(reviewMessages).toEqual([
      {
        QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/review',
        MessageBody: {
          s3_bucket: BUCKET,
          s3_key: 'test/bicycle.png',
          inferences: [0.3, 0.7],
          label: 'motorcycle',
          confidence: 0.7,
          reason: expect.stringContaining('THRESHOLD_CONFIDENCE_NOT_MET'),
        },
      },
    ]);
  });

  it('ends refused credentials in Step failed as InvalidCredentialsError, not as a bad image', async () => {
    // S3 (and s3rver) answer an unknown access key with InvalidAccessKeyId.
    const misconfigured = new LocalExecutor(
      buildImageClassificationDefinition({ functions: FUNCTION_NAMES }),
      {
        lambdas: {
          ...steps.lambdas,
          'scones-serialize': serializeHandlerFromEnvironment({
            ...steps.s3.env,
            AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
          }),
        },
        retryDelayMs: 0,
      },
    );
    const result = await misconfigured.execute(input('test/bicycle.png'));
    expect(expectFailure(result, 'InvalidCredentialsError').errorMessage).toMatch(
      /^S3 refused this function's credentials \(InvalidAccessKeyId/,
    );
    expect(
      result.events.some((e) => e.type === 'StateEntered' && e.state?.name === S.stepFailed),
    ).toBe(true);
  });

  it('fails a missing key with ImageNotFoundError in the Image rejected state', async () => {
    const result = await failMode.execute(input('test/no-such-photo.png'));
    const cause = expectFailure(result, 'ImageNotFoundError');
    expect(cause.errorMessage).toContain(`s3://${BUCKET}/test/no-such-photo.png`);
    expect(
      result.events.some((e) => e.type === 'StateEntered' && e.state?.name === S.imageRejected),
    ).toBe(true);
  });

  it('succeeds after retries when the endpoint throttles twice, then answers', async () => {
    let calls = 0;
    steps.sagemaker.answer((invocation) =>
      ++calls <= 2
        ? failure(429, 'ThrottlingException', 'slow down')(invocation)
        : { body: '[0.02, 0.98]' },
    );
    const result = await failMode.execute(input('test/bicycle.png'));
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { label: 'motorcycle' } });
    expect(calls).toBe(3);
    expect(retries(result, S.classify)).toBe(2);
  });

  it('fails on a ModelError without retrying', async () => {
    const before = steps.sagemaker.invocations.length;
    steps.sagemaker.answer(failure(424, 'ModelError', 'cannot decode the image'));
    const result = await failMode.execute(input('test/bicycle.png'));
    expectFailure(result, 'EndpointModelError');
    expect(steps.sagemaker.invocations.length - before).toBe(1);
    expect(retries(result, S.classify)).toBe(0);
  });

  it('classifies the largest PNG serialize inlines, its two copies in the envelope under 256 KiB', async () => {
    const png = await makeNoisePng(INLINE_IMAGE_MAX_BYTES - 2048);
    expect(png.length).toBeLessThanOrEqual(INLINE_IMAGE_MAX_BYTES);
    await steps.s3.put(BUCKET, 'test/inline.png', png);
    steps.sagemaker.answer(probabilities(0.99, 0.01));
    const result = await failMode.execute(input('test/inline.png'));
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { image_size: png.length } });
    // The image travelled inline: the endpoint got it from image_data, not from S3.
    expect(steps.sagemaker.invocations.at(-1)?.body.equals(png)).toBe(true);
  });

  it('classifies a 1 MiB PNG by reference, no state data over 256 KiB', async () => {
    const png = await makeNoisePng(1024 * 1024);
    await steps.s3.put(BUCKET, 'test/large.png', png);
    steps.sagemaker.answer(probabilities(0.99, 0.01));
    const result = await failMode.execute(input('test/large.png'));
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: { image_size: png.length, label: 'bicycle' },
    });
    expect(steps.sagemaker.invocations.at(-1)?.body.equals(png)).toBe(true);
    const sizes = result.events.flatMap((e) =>
      [e.state?.input, e.state?.output].filter((d) => d !== undefined),
    );
    expect(sizes.length).toBeGreaterThan(6);
    for (const data of sizes)
      expect(Buffer.byteLength(JSON.stringify(data))).toBeLessThanOrEqual(
        STEP_FUNCTIONS_STATE_LIMIT,
      );
  });
});
