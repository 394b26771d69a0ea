import type { TaskState, Transition } from '../asl/types.js';

/** Where low-confidence payloads go for a person to look at: an SQS queue or an SNS topic. */
export type ReviewTarget = { queueUrl: string } | { topicArn: string };

/**
 * A Task that sends `$.review` to the review target through the optimized integration
 * (`sqs:sendMessage` or `sns:publish`) and keeps its input as its output.
 *
 * @example
 * sendToReviewTask({ queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/scones-review' }, { Next: 'Needs review' });
 */
export function sendToReviewTask(target: ReviewTarget, transition: Transition): TaskState {
  const integration: Pick<TaskState, 'Resource' | 'Parameters'> =
    'queueUrl' in target
      ? {
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: target.queueUrl, 'MessageBody.$': '$.review' },
        }
      : {
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: {
            TopicArn: target.topicArn,
            Subject: 'Scones delivery photo needs review',
            'Message.$': 'States.JsonToString($.review)',
          },
        };
  return { Type: 'Task', ...integration, ResultPath: null, ...transition };
}
