import validateAsl from 'asl-validator';
import {
  BATCH_MAP_STATE,
  buildBatchDefinition,
  buildImageClassificationStates,
  type MapState,
} from '../../src/index.js';

const functions = {
  serialize: '${SerializeFunctionArn}',
  classify: '${ClassifyFunctionArn}',
  threshold: '${ThresholdFunctionArn}',
};
const results = { bucket: '${ResultsBucket}', prefix: 'batch-results' };

function mapOf(definition: ReturnType<typeof buildBatchDefinition>): MapState {
  const state = definition.States[BATCH_MAP_STATE];
  if (state?.Type !== 'Map') throw new Error('no Map state');
  return state;
}

describe('buildBatchDefinition', () => {
  it.each([
    ['the defaults', { functions, results }],
    [
      'every option',
      {
        functions,
        results,
        maxConcurrency: 1000,
        toleratedFailurePercentage: 5,
        toleratedFailureCount: 50,
        maxItems: 10000,
        lowConfidence: {
          mode: 'review' as const,
          target: { queueUrl: '${ReviewQueueUrl}', queueArn: '${ReviewQueueArn}' },
        },
      },
    ],
  ])('passes asl-validator with %s', (_variant, options) => {
    const { isValid, errorsText } = validateAsl(structuredClone(buildBatchDefinition(options)));
    expect(errorsText('\n')).toBe('');
    expect(isValid).toBe(true);
  });

  it('is a Distributed Map over an S3 prefix, with EXPRESS children, concurrency, tolerance and a ResultWriter', () => {
    const map = mapOf(
      buildBatchDefinition({ functions, results, maxConcurrency: 250, toleratedFailureCount: 3 }),
    );
    expect(map).toMatchObject({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        Parameters: { 'Bucket.$': '$.s3_bucket', 'Prefix.$': '$.s3_prefix' },
      },
      ItemSelector: {
        's3_bucket.$': '$.s3_bucket',
        's3_key.$': '$$.Map.Item.Value.Key',
        image_data: '',
      },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } },
      MaxConcurrency: 250,
      ToleratedFailurePercentage: 10,
      ToleratedFailureCount: 3,
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: '${ResultsBucket}', Prefix: 'batch-results' },
      },
      End: true,
    });
  });

  it('runs the single-image states in each child, built by the same code', () => {
    const options = { functions, results, keepImageData: true, timeouts: { classify: 90 } };
    const { ProcessorConfig: _config, ...processor } = mapOf(
      buildBatchDefinition(options),
    ).ItemProcessor;
    expect(processor).toEqual(
      buildImageClassificationStates({ ...options, lowConfidence: { mode: 'result' } }),
    );
  });

  it('ends a low-confidence child as a below_threshold result, so only errors count against the tolerance', () => {
    const { States } = mapOf(buildBatchDefinition({ functions, results })).ItemProcessor;
    expect(States['Below threshold']).toEqual({
      Type: 'Pass',
      Comment: expect.stringContaining('THRESHOLD_CONFIDENCE_NOT_MET'),
      Result: 'below_threshold',
      ResultPath: '$.status',
      End: true,
    });
    const failStates = Object.values(States).filter((state) => state.Type === 'Fail');
    expect(failStates.length).toBeGreaterThan(0);
    expect(JSON.stringify(failStates)).not.toContain('THRESHOLD_CONFIDENCE_NOT_MET');
  });

  it('keeps a low-confidence child failing when asked to (lowConfidence fail)', () => {
    const { States } = mapOf(
      buildBatchDefinition({ functions, results, lowConfidence: { mode: 'fail' } }),
    ).ItemProcessor;
    expect(States['Below threshold']?.Type).toBe('Fail');
  });
});
