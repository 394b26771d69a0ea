import type { StepLambdaNames } from '@scones/workflow';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { ReviewKind } from './definition-placeholders.js';

/** Where low-confidence results go, once deployed: a queue, a topic, or nowhere (they fail). */
export type ReviewDestination = sqs.IQueue | sns.ITopic | undefined;

/** Which definition a review destination calls for. */
export function reviewKindOf(destination: ReviewDestination): ReviewKind {
  if (destination === undefined) return 'fail';
  return 'queueUrl' in destination ? 'queue' : 'topic';
}

/**
 * What the placeholders of the definitions (and of their tasks' permissions) stand for once
 * deployed: the three functions' ARNs and the review destination's URL and ARN.
 */
export function workflowSubstitutions(
  functions: Record<keyof StepLambdaNames, lambda.IFunction>,
  review: ReviewDestination,
): Record<string, string> {
  return {
    SerializeFunctionArn: functions.serialize.functionArn,
    ClassifyFunctionArn: functions.classify.functionArn,
    ThresholdFunctionArn: functions.threshold.functionArn,
    ...(review && 'queueUrl' in review
      ? { ReviewQueueUrl: review.queueUrl, ReviewQueueArn: review.queueArn }
      : {}),
    ...(review && 'topicArn' in review ? { ReviewTopicArn: review.topicArn } : {}),
  };
}
