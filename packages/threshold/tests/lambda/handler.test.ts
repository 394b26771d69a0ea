import {
  createThresholdHandler,
  readThresholdConfig,
  thresholdHandlerFromEnvironment,
} from '../../src/lambda/index.js';
import { inputShapes } from '../../../../tools/testing/input-shapes';

const body = {
  s3_bucket: 'scones-images',
  s3_key: 'test/bicycle.png',
  image_data: '',
  inferences: [0.97, 0.03],
};
const handler = thresholdHandlerFromEnvironment({ THRESHOLD: '0.95' });

describe('threshold handler', () => {
  it.each(inputShapes(body))('gives the same envelope for %s', async (_shape, event) => {
    const record = {
      ...body,
      label: 'bicycle',
      confidence: 0.97,
      threshold: 0.95,
      meets_threshold: true,
    };
    await expect(handler(event)).resolves.toEqual({ ...record, statusCode: 200, body: record });
  });

  it('reads THRESHOLD from the environment it is given', async () => {
    await expect(handler({ ...body, inferences: [0.94, 0.06] })).rejects.toMatchObject({
      name: 'ThresholdConfidenceNotMetError',
      message: expect.stringMatching(
        /^THRESHOLD_CONFIDENCE_NOT_MET: confidence 0.94 .* threshold 0.95/,
      ),
    });
  });

  it('accepts the original classify output, whose inferences are a JSON string', async () => {
    const original = {
      statusCode: 200,
      body: JSON.stringify({ ...body, inferences: '[0.02, 0.98]' }),
    };
    expect(await handler(original)).toMatchObject({
      inferences: [0.02, 0.98],
      label: 'motorcycle',
      meets_threshold: true,
    });
  });

  it.each([
    ['{statusCode, inferences}', { statusCode: 200, inferences: [0.99, 0.01] }],
    ['{body: {inferences}}', { body: { inferences: [0.99, 0.01] } }],
    ['a {confidence: [...]} answer', { confidence: [0.99, 0.01] }],
    ['a body that is the bare array', { statusCode: 200, body: '[0.99, 0.01]' }],
  ])(
    'needs only the probabilities: %s passes without s3_bucket or s3_key',
    async (_shape, event) => {
      await expect(handler(event)).resolves.toMatchObject({
        inferences: [0.99, 0.01],
        label: 'bicycle',
        meets_threshold: true,
      });
    },
  );

  it('writes body as a JSON string with BODY_FORMAT=string', async () => {
    const stringly = thresholdHandlerFromEnvironment({ THRESHOLD: '0.95', BODY_FORMAT: 'string' });
    const result = await stringly(body);
    expect(JSON.parse(result.body as string)).toMatchObject({ meets_threshold: true });
    expect(result.meets_threshold).toBe(true);
  });

  it('rejects a per-execution threshold outside 0..1', async () => {
    await expect(handler({ ...body, threshold: 1.5 })).rejects.toMatchObject({
      name: 'InvalidEventError',
      message: expect.stringContaining('threshold must be at most 1'),
    });
  });

  it.each([
    [
      'inferences that are not numbers',
      { ...body, inferences: ['high', 'low'] },
      'InvalidEventError',
    ],
    ['no inferences', { ...body, inferences: undefined }, 'InvalidEventError'],
  ])('rejects %s', async (_case, event, name) => {
    await expect(handler(event)).rejects.toMatchObject({ name });
  });

  it('builds a handler from explicit settings', async () => {
    const lenient = createThresholdHandler({ threshold: 0.5, labels: ['bike', 'motorbike'] });
    await expect(lenient({ ...body, inferences: [0.4, 0.6] })).resolves.toMatchObject({
      label: 'motorbike',
    });
  });
});

describe('readThresholdConfig', () => {
  it('defaults to 0.93 and the two classes', () => {
    expect(readThresholdConfig({})).toEqual({
      threshold: 0.93,
      labels: ['bicycle', 'motorcycle'],
      bodyFormat: 'object',
    });
  });

  it('names a threshold outside 0..1', () => {
    expect(() => readThresholdConfig({ THRESHOLD: '93' })).toThrow(
      'THRESHOLD must be a number from 0 to 1; got "93".',
    );
  });
});

describe('the module-level handlers', () => {
  afterEach(() => {
    delete process.env['THRESHOLD'];
  });

  it('read nothing at import: @scones/threshold/lambda loads with THRESHOLD=2 and fails the first event', async () => {
    process.env['THRESHOLD'] = '2';
    await jest.isolateModulesAsync(async () => {
      const lambda = await import('../../src/lambda/index.js');
      await expect(lambda.handler(body)).rejects.toMatchObject({
        name: 'InvalidConfigurationError',
        message: expect.stringContaining('THRESHOLD must be a number from 0 to 1; got "2"'),
      });
      process.env['THRESHOLD'] = '0.5';
      await expect(lambda.handler({ ...body, inferences: [0.6, 0.4] })).resolves.toMatchObject({
        threshold: 0.5,
        meets_threshold: true,
      });
    });
  });

  it("the bundle's entry builds its handler at init, so a bad THRESHOLD fails the cold start", async () => {
    process.env['THRESHOLD'] = '2';
    await jest.isolateModulesAsync(async () => {
      await expect(import('../../src/lambda/entry.js')).rejects.toMatchObject({
        name: 'InvalidConfigurationError',
      });
    });
  });
});
