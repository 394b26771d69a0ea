import type { Catcher, FailState, State, StateMachineDefinition } from '../asl/types.js';
import {
  collectStates,
  type DefinitionWithPermissions,
  type StatesWithPermissions,
} from '../permissions/definition-with-permissions.js';
import type { TaskWithPermissions } from '../permissions/task-permission.js';
import { lambdaInvokeTask } from '../states/lambda-invoke.js';
import { LAMBDA_SERVICE_ERRORS, retrier } from '../states/retry-policy.js';
import { sendToReviewTask, type ReviewTarget } from '../states/review-target.js';
import {
  BELOW_THRESHOLD_ERROR,
  ENDPOINT_ERRORS,
  ENDPOINT_RETRYABLE_ERRORS,
  IMAGE_ERRORS,
  STORAGE_RETRYABLE_ERRORS,
} from './error-groups.js';
import {
  DEFAULT_ENDPOINT_RETRY,
  DEFAULT_LAMBDA_SERVICE_RETRY,
  DEFAULT_TASK_TIMEOUTS,
  type ImageClassificationOptions,
} from './options.js';
import { IMAGE_CLASSIFICATION_STATES as S } from './state-names.js';

// A caught error is added to the payload here, so Fail states and the review path can read it.
const ERROR_PATH = '$.error';

/**
 * The single-image workflow: Serialize image -> Classify image -> Check confidence, each a
 * `lambda:invoke` task with the envelope unwrapped. Lambda service errors are retried on every
 * task, S3 that was unavailable on the tasks that read the image, and the retryable endpoint errors
 * on classify, with backoff and jitter; every named error
 * ends in a Fail state that shows the error's name and cause. Low confidence fails the execution
 * (default), goes to review, or ends it as a `below_threshold` result. Beside the definition, the
 * permissions its tasks need (invoke the three functions, send to the review target).
 *
 * @example
 * const { definition, permissions } = buildImageClassificationWorkflow({
 *   functions: { serialize: serializeFn.functionArn, classify: classifyFn.functionArn, threshold: thresholdFn.functionArn },
 *   lowConfidence: { mode: 'review', target: { queueUrl: queue.queueUrl, queueArn: queue.queueArn } },
 * });
 */
export function buildImageClassificationWorkflow(
  options: ImageClassificationOptions,
): DefinitionWithPermissions {
  const { permissions, ...states } = imageClassificationStates(options);
  return {
    definition: {
      Comment:
        options.comment ??
        'Scones image classification: serialize a delivery photo, classify it, keep confident predictions.',
      ...(options.executionTimeoutSeconds
        ? { TimeoutSeconds: options.executionTimeoutSeconds }
        : {}),
      ...states,
    },
    permissions,
  };
}

/**
 * The definition of {@link buildImageClassificationWorkflow} alone.
 *
 * @example
 * const definition = buildImageClassificationDefinition({
 *   functions: { serialize: '${SerializeArn}', classify: '${ClassifyArn}', threshold: '${ThresholdArn}' },
 * });
 */
export function buildImageClassificationDefinition(
  options: ImageClassificationOptions,
): StateMachineDefinition {
  return buildImageClassificationWorkflow(options).definition;
}

/**
 * The states of the single-image workflow without the definition's top-level settings: what a
 * Map state's item processor holds.
 */
export function buildImageClassificationStates(
  options: ImageClassificationOptions,
): Pick<StateMachineDefinition, 'StartAt' | 'States'> {
  const { StartAt, States } = imageClassificationStates(options);
  return { StartAt, States };
}

/** The single-image states and their tasks' permissions. */
export function imageClassificationStates(
  options: ImageClassificationOptions,
): StatesWithPermissions {
  const timeouts = { ...DEFAULT_TASK_TIMEOUTS, ...options.timeouts };
  const lambdaRetry = retrier(LAMBDA_SERVICE_ERRORS, {
    ...DEFAULT_LAMBDA_SERVICE_RETRY,
    ...options.retry?.lambdaService,
  });
  const endpointRetry = retrier(ENDPOINT_RETRYABLE_ERRORS, {
    ...DEFAULT_ENDPOINT_RETRY,
    ...options.retry?.endpoint,
  });
  const storageRetry = retrier(STORAGE_RETRYABLE_ERRORS, {
    ...DEFAULT_ENDPOINT_RETRY,
    ...options.retry?.storage,
  });
  const lowConfidence = options.lowConfidence ?? { mode: 'fail' };
  const afterClassify = options.keepImageData ? S.threshold : S.dropImageData;
  const onLowConfidence = lowConfidence.mode === 'review' ? S.prepareReview : S.belowThreshold;

  const states: Record<string, State | TaskWithPermissions> = {
    [S.serialize]: lambdaInvokeTask(
      {
        functionName: options.functions.serialize,
        timeoutSeconds: timeouts.serialize,
        retry: [lambdaRetry, storageRetry],
        catch: [
          catcher(IMAGE_ERRORS, S.imageRejected),
          catcher(STORAGE_RETRYABLE_ERRORS, S.stepFailed),
          catcher(['States.ALL'], S.stepFailed),
        ],
        comment:
          'Reads the photo from S3 and checks it is a PNG or JPEG; small ones are inlined as base64.',
      },
      { Next: S.classify },
    ),
    [S.classify]: lambdaInvokeTask(
      {
        functionName: options.functions.classify,
        timeoutSeconds: timeouts.classify,
        retry: [lambdaRetry, endpointRetry, storageRetry],
        catch: [
          catcher(IMAGE_ERRORS, S.imageRejected),
          catcher(ENDPOINT_ERRORS, S.endpointFailed),
          catcher(STORAGE_RETRYABLE_ERRORS, S.stepFailed),
          catcher(['States.ALL'], S.stepFailed),
        ],
        comment: 'Sends the image to the SageMaker endpoint: one probability per class.',
      },
      { Next: afterClassify },
    ),
    ...(options.keepImageData
      ? {}
      : {
          [S.dropImageData]: {
            Type: 'Pass',
            Comment: 'The base64 image is not needed after classify; keep the payload small.',
            Result: '',
            ResultPath: '$.image_data',
            Next: S.threshold,
          } satisfies State,
        }),
    [S.threshold]: lambdaInvokeTask(
      {
        functionName: options.functions.threshold,
        timeoutSeconds: timeouts.threshold,
        retry: [lambdaRetry],
        catch: [
          catcher([BELOW_THRESHOLD_ERROR], onLowConfidence),
          catcher(['States.ALL'], S.stepFailed),
        ],
        comment:
          'Passes confident predictions on; below the threshold raises THRESHOLD_CONFIDENCE_NOT_MET.',
      },
      { Next: S.passed },
    ),
    [S.passed]: { Type: 'Pass', Result: 'passed', ResultPath: '$.status', End: true },
    ...(lowConfidence.mode === 'review' ? reviewStates(lowConfidence.target) : {}),
    [S.imageRejected]: failWithCaughtError(
      'The photo cannot be classified: see the error and its cause.',
    ),
    [S.endpointFailed]: failWithCaughtError(
      'The SageMaker endpoint failed or answered something unusable.',
    ),
    ...(lowConfidence.mode === 'fail'
      ? {
          [S.belowThreshold]: failWithCaughtError(
            'THRESHOLD_CONFIDENCE_NOT_MET: the prediction is not confident enough.',
          ),
        }
      : {}),
    ...(lowConfidence.mode === 'result'
      ? {
          [S.belowThreshold]: {
            Type: 'Pass',
            Comment:
              'THRESHOLD_CONFIDENCE_NOT_MET: a result, not a failure; the caught error stays in $.error.',
            Result: 'below_threshold',
            ResultPath: '$.status',
            End: true,
          } satisfies State,
        }
      : {}),
    [S.stepFailed]: failWithCaughtError(
      'A step failed for a reason other than the image or the endpoint (S3 still unavailable after retries, timeout, Lambda, permissions).',
    ),
  };
  return { StartAt: S.serialize, ...collectStates(states) };
}

function reviewStates(target: ReviewTarget): Record<string, State | TaskWithPermissions> {
  return {
    [S.prepareReview]: {
      Type: 'Pass',
      Comment:
        'What a reviewer needs: where the photo is, what the model thought, and why it was held back.',
      Parameters: {
        's3_bucket.$': '$.s3_bucket',
        's3_key.$': '$.s3_key',
        'inferences.$': '$.inferences',
        'label.$': '$.label',
        'confidence.$': '$.confidence',
        'reason.$': `${ERROR_PATH}.Cause`,
      },
      ResultPath: '$.review',
      Next: S.sendToReview,
    },
    [S.sendToReview]: sendToReviewTask(target, { Next: S.needsReview }),
    [S.needsReview]: { Type: 'Pass', Result: 'review', ResultPath: '$.status', End: true },
  };
}

function catcher(errors: readonly string[], next: string): Catcher {
  return { ErrorEquals: [...errors], ResultPath: ERROR_PATH, Next: next };
}

function failWithCaughtError(comment: string): FailState {
  return {
    Type: 'Fail',
    Comment: comment,
    ErrorPath: `${ERROR_PATH}.Error`,
    CausePath: `${ERROR_PATH}.Cause`,
  };
}
