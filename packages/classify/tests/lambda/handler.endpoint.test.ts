// The classify adapter through the real AWS SDK against real servers: an HTTP server speaking
// the SageMaker runtime protocol and s3rver, reached only through the SDK's standard
// endpoint variables, given to the handler's factory.
import { classifyHandlerFromEnvironment, type ClassifyHandler } from '../../src/lambda/index.js';
import { makeJpeg, makeNoisePng, makePng } from '../../../../tools/testing/images';
import { startLocalS3, type LocalS3 } from '../../../../tools/testing/local-s3';
import {
  failure,
  probabilities,
  startSageMakerRuntimeServer,
  type SageMakerRuntimeServer,
} from '../../../../tools/testing/sagemaker-runtime-server';

const BUCKET = 'scones-images';
let s3: LocalS3;
let sagemaker: SageMakerRuntimeServer;
let handler: ClassifyHandler;

beforeAll(async () => {
  s3 = await startLocalS3([BUCKET]);
  sagemaker = await startSageMakerRuntimeServer(probabilities(0.9, 0.1));
  handler = classifyHandlerFromEnvironment({
    ...s3.env,
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: sagemaker.endpoint,
    ENDPOINT_NAME: 'scones-classifier',
    // One attempt: the SDK's own retries would only slow the error cases down.
    AWS_MAX_ATTEMPTS: '1',
  });
});

afterAll(async () => {
  await sagemaker.stop();
  await s3.stop();
});

function lastInvocation() {
  const invocation = sagemaker.invocations.at(-1);
  if (!invocation) throw new Error('the endpoint was not invoked');
  return invocation;
}

async function inlinePng() {
  return {
    s3_bucket: BUCKET,
    s3_key: 'test/bicycle.png',
    image_data: (await makePng()).toString('base64'),
  };
}

describe('classify handler against a SageMaker runtime server', () => {
  it('classifies a PNG: the endpoint gets the bytes as image/png', async () => {
    sagemaker.answer(probabilities(0.1, 0.9));
    const payload = await inlinePng();
    const body = await handler(payload);
    expect(body).toMatchObject({ inferences: [0.1, 0.9], label: 'motorcycle', confidence: 0.9 });
    const sent = lastInvocation();
    expect(sent).toMatchObject({
      endpointName: 'scones-classifier',
      contentType: 'image/png',
      accept: 'application/json',
    });
    expect(sent.body.toString('base64')).toBe(payload.image_data);
  });

  it('classifies a JPEG as image/jpeg', async () => {
    sagemaker.answer(probabilities(0.99, 0.01));
    const image_data = (await makeJpeg()).toString('base64');
    const body = await handler({ s3_bucket: BUCKET, s3_key: 'test/a.jpg', image_data });
    expect(body.label).toBe('bicycle');
    expect(lastInvocation().contentType).toBe('image/jpeg');
  });

  it('reads a large image from S3 when image_data is empty', async () => {
    const png = await makeNoisePng(1024 * 1024);
    await s3.put(BUCKET, 'test/large.png', png);
    sagemaker.answer(probabilities(0.8, 0.2));
    const body = await handler({ s3_bucket: BUCKET, s3_key: 'test/large.png', image_data: '' });
    expect(body.confidence).toBe(0.8);
    expect(lastInvocation().body.equals(png)).toBe(true);
  });

  it('names a missing object when reading from S3', async () => {
    await expect(handler({ s3_bucket: BUCKET, s3_key: 'test/gone.png' })).rejects.toMatchObject({
      name: 'ImageNotFoundError',
    });
  });

  it.each([
    ['[0.5]', /expected 2 probabilities/],
    ['"hello"', /expected a JSON array/],
    ['[NaN, 1]', /not JSON/],
  ])('rejects the answer %s with InvalidInferenceError', async (answer, message) => {
    sagemaker.answer(() => ({ body: answer }));
    await expect(handler(await inlinePng())).rejects.toMatchObject({
      name: 'InvalidInferenceError',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    ['a 500', failure(500, 'InternalFailure', 'boom'), 'EndpointUnavailableError'],
    ['a 503', failure(503, 'ServiceUnavailable', 'scaling'), 'EndpointUnavailableError'],
    ['a 429', failure(429, 'ThrottlingException', 'slow down'), 'EndpointThrottledError'],
    ['a ModelError', failure(424, 'ModelError', 'cannot decode image'), 'EndpointModelError'],
    [
      'a ValidationError (unknown endpoint)',
      failure(400, 'ValidationError', 'Endpoint not found'),
      'EndpointModelError',
    ],
  ])('maps %s to %s', async (_case, responder, name) => {
    sagemaker.answer(responder);
    await expect(handler(await inlinePng())).rejects.toMatchObject({ name });
  });

  it('maps an answer slower than the client timeout to EndpointUnavailableError', async () => {
    sagemaker.answer(() => ({ body: '[0.5, 0.5]', delayMs: 1000 }));
    const impatient = classifyHandlerFromEnvironment({
      ...s3.env,
      AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: sagemaker.endpoint,
      ENDPOINT_NAME: 'scones-classifier',
      ENDPOINT_ATTEMPT_TIMEOUT_MS: '200',
      AWS_MAX_ATTEMPTS: '1',
    });
    await expect(impatient(await inlinePng())).rejects.toMatchObject({
      name: 'EndpointUnavailableError',
    });
  });

  it('maps an endpoint that cannot be reached to EndpointUnavailableError', async () => {
    const closed = await startSageMakerRuntimeServer(probabilities(1, 0));
    await closed.stop();
    const unreachable = classifyHandlerFromEnvironment({
      ...s3.env,
      AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: closed.endpoint,
      ENDPOINT_NAME: 'scones-classifier',
    });
    await expect(unreachable(await inlinePng())).rejects.toMatchObject({
      name: 'EndpointUnavailableError',
    });
  });
});
