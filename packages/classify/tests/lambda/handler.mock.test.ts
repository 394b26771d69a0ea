import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { classifyHandlerFromEnvironment } from '../../src/lambda/index.js';
import { makePng } from '../../../../tools/testing/images';
import { INPUT_SHAPES } from '../../../../tools/testing/input-shapes';

const runtime = mockClient(SageMakerRuntimeClient);
const handler = classifyHandlerFromEnvironment({
  ENDPOINT_NAME: 'scones-classifier',
  AWS_REGION: 'us-east-1',
});

beforeEach(() => runtime.reset());

describe('classify handler (SageMaker client mocked)', () => {
  it.each(INPUT_SHAPES)('gives the same envelope for %s', async (_shape, wrap) => {
    const body = {
      s3_bucket: 'b',
      s3_key: 'k.png',
      image_data: (await makePng()).toString('base64'),
    };
    runtime
      .on(InvokeEndpointCommand, { EndpointName: 'scones-classifier', ContentType: 'image/png' })
      .resolves({ Body: new TextEncoder().encode('[0.95, 0.05]') as never });
    const record = { ...body, inferences: [0.95, 0.05], label: 'bicycle', confidence: 0.95 };
    await expect(handler(wrap(body))).resolves.toEqual({
      ...record,
      statusCode: 200,
      body: record,
    });
  });

  it('names a missing ENDPOINT_NAME when the handler is built', () => {
    expect(() => classifyHandlerFromEnvironment({ AWS_REGION: 'us-east-1' })).toThrow(
      expect.objectContaining({
        name: 'InvalidConfigurationError',
        message:
          'ENDPOINT_NAME is not set: set it to the name of the SageMaker endpoint to invoke.',
      }),
    );
  });

  it("fails the bundle's cold start without ENDPOINT_NAME, while the library module still loads", async () => {
    const saved = process.env['ENDPOINT_NAME'];
    delete process.env['ENDPOINT_NAME'];
    try {
      await jest.isolateModulesAsync(async () => {
        await expect(import('../../src/lambda/index.js')).resolves.toHaveProperty('handler');
        await expect(import('../../src/lambda/entry.js')).rejects.toMatchObject({
          name: 'InvalidConfigurationError',
        });
      });
    } finally {
      if (saved !== undefined) process.env['ENDPOINT_NAME'] = saved;
    }
  });
});
