import validateAsl from 'asl-validator';
import { ERROR_NAMES, RETRYABLE_ERROR_NAMES } from '@scones/contracts';
import {
  IMAGE_CLASSIFICATION_STATES as S,
  LAMBDA_SERVICE_ERRORS,
  buildImageClassificationDefinition,
  definitionToJson,
  type ImageClassificationOptions,
  type StateMachineDefinition,
  type TaskState,
} from '../../src/index.js';

const functions = {
  serialize: '${SerializeFunctionArn}',
  classify: 'arn:aws:lambda:eu-west-1:123456789012:function:scones-classify',
  threshold: '${Token[TOKEN.123]}',
};

const variants: [string, ImageClassificationOptions][] = [
  ['the defaults', { functions }],
  [
    'review through SQS',
    {
      functions,
      lowConfidence: {
        mode: 'review',
        target: { queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/review' },
      },
    },
  ],
  [
    'review through SNS',
    {
      functions,
      lowConfidence: {
        mode: 'review',
        target: { topicArn: 'arn:aws:sns:eu-west-1:123456789012:review' },
      },
    },
  ],
  ['image data kept', { functions, keepImageData: true }],
  [
    'custom timeouts and retries',
    {
      functions,
      timeouts: { classify: 120 },
      retry: { endpoint: { maxAttempts: 0, jitter: false } },
      executionTimeoutSeconds: 300,
    },
  ],
];

function task(definition: StateMachineDefinition, name: string): TaskState {
  const state = definition.States[name];
  if (state?.Type !== 'Task') throw new Error(`${name} is not a Task`);
  return state;
}

describe('buildImageClassificationDefinition', () => {
  it.each(variants)('passes asl-validator with %s', (_variant, options) => {
    // The validator annotates what it checks: give it a copy.
    const { isValid, errorsText } = validateAsl(
      structuredClone(buildImageClassificationDefinition(options)),
    );
    expect(errorsText('\n')).toBe('');
    expect(isValid).toBe(true);
  });

  it('chains Serialize, Classify, Drop image data and Check confidence, in that order', () => {
    const definition = buildImageClassificationDefinition({ functions });
    expect(definition.StartAt).toBe(S.serialize);
    expect(task(definition, S.serialize).Next).toBe(S.classify);
    expect(task(definition, S.classify).Next).toBe(S.dropImageData);
    expect(definition.States[S.dropImageData]).toMatchObject({
      Type: 'Pass',
      Result: '',
      ResultPath: '$.image_data',
      Next: S.threshold,
    });
    expect(task(definition, S.threshold).Next).toBe(S.passed);
    expect(definition.States[S.passed]).toMatchObject({
      Result: 'passed',
      ResultPath: '$.status',
      End: true,
    });
  });

  it('keeps the image data when asked', () => {
    const definition = buildImageClassificationDefinition({ functions, keepImageData: true });
    expect(definition.States[S.dropImageData]).toBeUndefined();
    expect(task(definition, S.classify).Next).toBe(S.threshold);
  });

  it('invokes each function with lambda:invoke and unwraps the envelope, ARNs untouched', () => {
    const definition = buildImageClassificationDefinition({ functions });
    for (const [name, fn] of [
      [S.serialize, functions.serialize],
      [S.classify, functions.classify],
      [S.threshold, functions.threshold],
    ]) {
      expect(task(definition, name)).toMatchObject({
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: fn, 'Payload.$': '$' },
        OutputPath: '$.Payload.body',
      });
    }
    expect(definitionToJson(definition)).toContain('"FunctionName":"${SerializeFunctionArn}"');
  });

  it('retries the Lambda service errors on every task, with backoff and full jitter', () => {
    const definition = buildImageClassificationDefinition({ functions });
    for (const name of [S.serialize, S.classify, S.threshold]) {
      expect(task(definition, name).Retry?.[0]).toEqual({
        ErrorEquals: [...LAMBDA_SERVICE_ERRORS],
        IntervalSeconds: 1,
        MaxAttempts: 3,
        BackoffRate: 2,
        MaxDelaySeconds: 20,
        JitterStrategy: 'FULL',
      });
    }
    expect(LAMBDA_SERVICE_ERRORS).toEqual([
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ]);
  });

  it('retries exactly the retryable errors of @scones/contracts: endpoint ones on classify, S3 ones where the image is read', () => {
    const definition = buildImageClassificationDefinition({ functions });
    const retried = (name: string) =>
      (task(definition, name).Retry ?? []).flatMap((r) => r.ErrorEquals);
    expect(task(definition, S.classify).Retry?.[1]).toMatchObject({
      ErrorEquals: ['EndpointThrottledError', 'EndpointUnavailableError'],
      JitterStrategy: 'FULL',
    });
    expect(task(definition, S.serialize).Retry?.[1]).toMatchObject({
      ErrorEquals: ['StorageUnavailableError'],
      JitterStrategy: 'FULL',
    });
    expect(new Set([...retried(S.serialize), ...retried(S.classify)])).toEqual(
      new Set([...LAMBDA_SERVICE_ERRORS, ...RETRYABLE_ERROR_NAMES]),
    );
    const nonRetryable = ERROR_NAMES.filter(
      (name) => !(RETRYABLE_ERROR_NAMES as readonly string[]).includes(name),
    );
    for (const name of [S.serialize, S.classify, S.threshold]) {
      expect(retried(name)).not.toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^(${nonRetryable.join('|')})$`)),
        ]),
      );
      expect(retried(name)).not.toContain('States.ALL');
    }
    expect(retried(S.serialize)).not.toContain('EndpointThrottledError');
  });

  it('catches every named error into a Fail state that shows the error and its cause', () => {
    const definition = buildImageClassificationDefinition({ functions });
    const caught = new Set(
      [S.serialize, S.classify, S.threshold].flatMap((name) =>
        (task(definition, name).Catch ?? []).flatMap((c) => c.ErrorEquals),
      ),
    );
    // The function's own configuration (settings, credentials) is no named catch: "Step failed".
    const configuration = ['InvalidConfigurationError', 'InvalidCredentialsError'];
    for (const name of ERROR_NAMES.filter((n) => !configuration.includes(n)))
      expect(caught).toContain(name);
    for (const name of configuration) expect(caught).not.toContain(name);
    for (const name of [S.serialize, S.classify, S.threshold]) {
      const catches = task(definition, name).Catch ?? [];
      expect(catches.at(-1)).toEqual({
        ErrorEquals: ['States.ALL'],
        ResultPath: '$.error',
        Next: S.stepFailed,
      });
      for (const c of catches) {
        expect(c.ResultPath).toBe('$.error');
        expect(definition.States[c.Next]).toMatchObject({
          Type: 'Fail',
          ErrorPath: '$.error.Error',
          CausePath: '$.error.Cause',
        });
      }
    }
    expect(task(definition, S.threshold).Catch?.[0]).toMatchObject({
      ErrorEquals: ['ThresholdConfidenceNotMetError'],
      Next: S.belowThreshold,
    });
  });

  it('sends low confidence to an SQS queue and succeeds with status review', () => {
    const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/review';
    const definition = buildImageClassificationDefinition({
      functions,
      lowConfidence: { mode: 'review', target: { queueUrl } },
    });
    expect(task(definition, S.threshold).Catch?.[0]).toMatchObject({
      ErrorEquals: ['ThresholdConfidenceNotMetError'],
      Next: S.prepareReview,
    });
    expect(definition.States[S.belowThreshold]).toBeUndefined();
    expect(task(definition, S.sendToReview)).toMatchObject({
      Resource: 'arn:aws:states:::sqs:sendMessage',
      Parameters: { QueueUrl: queueUrl, 'MessageBody.$': '$.review' },
      ResultPath: null,
      Next: S.needsReview,
    });
    expect(definition.States[S.needsReview]).toMatchObject({
      Result: 'review',
      ResultPath: '$.status',
      End: true,
    });
  });

  it('publishes low confidence to an SNS topic as a JSON string', () => {
    const topicArn = 'arn:aws:sns:eu-west-1:123456789012:review';
    const definition = buildImageClassificationDefinition({
      functions,
      lowConfidence: { mode: 'review', target: { topicArn } },
    });
    expect(task(definition, S.sendToReview)).toMatchObject({
      Resource: 'arn:aws:states:::sns:publish',
      Parameters: { TopicArn: topicArn, 'Message.$': 'States.JsonToString($.review)' },
    });
  });

  it('applies the timeouts and retry policy given', () => {
    const definition = buildImageClassificationDefinition(variants[4][1]);
    expect(definition.TimeoutSeconds).toBe(300);
    expect(task(definition, S.classify).TimeoutSeconds).toBe(120);
    expect(task(definition, S.serialize).TimeoutSeconds).toBe(30);
    expect(task(definition, S.classify).Retry?.[1]).toMatchObject({
      MaxAttempts: 0,
      JitterStrategy: 'NONE',
      IntervalSeconds: 2,
    });
  });

  it('renders as the JSON string the CDK and the AWS CLI take', () => {
    const definition = buildImageClassificationDefinition({ functions });
    expect(JSON.parse(definitionToJson(definition))).toEqual(definition);
    expect(definitionToJson(definition, { pretty: true })).toContain(
      '\n  "StartAt": "Serialize image"',
    );
  });
});
