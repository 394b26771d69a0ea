import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import type { ClassifyHandler } from '../../src/lambda/index.js';
import { makePng } from '../../../../tools/testing/images';
import { INPUT_SHAPES } from '../../../../tools/testing/input-shapes';

const runtime = mockClient(SageMakerRuntimeClient);
let handler: ClassifyHandler;

beforeAll(async () => {
  process.env['ENDPOINT_NAME'] = 'scones-classifier';
  process.env['AWS_REGION'] = 'us-east-1';
  ({ handler } = await import('../../src/lambda/index.js'));
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
    await expect(handler(wrap(body))).resolves.toEqual({
      statusCode: 200,
      body: { ...body, inferences: [0.95, 0.05], label: 'bicycle', confidence: 0.95 },
    });
  });

  it('fails the cold start with a clear message when ENDPOINT_NAME is missing', async () => {
    const saved = process.env['ENDPOINT_NAME'];
    delete process.env['ENDPOINT_NAME'];
    try {
      await jest.isolateModulesAsync(async () => {
        await expect(import('../../src/lambda/index.js')).rejects.toMatchObject({
          name: 'InvalidConfigurationError',
          message:
            'ENDPOINT_NAME is not set: set it to the name of the SageMaker endpoint to invoke.',
        });
      });
    } finally {
      process.env['ENDPOINT_NAME'] = saved;
    }
  });
});
