import type { TaskState, Transition } from '../asl/types.js';
import type { TaskPermission, TaskWithPermissions } from '../permissions/task-permission.js';

/**
 * Where low-confidence payloads go for a person to look at: an SQS queue or an SNS topic. A
 * queue's ARN is read from a literal queue URL; give `queueArn` too when `queueUrl` is a token
 * or a placeholder, since the permissions name the queue by its ARN.
 */
export type ReviewTarget = { queueUrl: string; queueArn?: string } | { topicArn: string };

/**
 * A Task that sends `$.review` to the review target through the optimized integration
 * (`sqs:sendMessage` or `sns:publish`) and keeps its input as its output. It needs
 * `sqs:SendMessage` on the queue or `sns:Publish` on the topic (Step Functions' "IAM policies
 * for Amazon SQS" and "for Amazon SNS").
 *
 * @example
 * sendToReviewTask(
 *   { queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/scones-review' },
 *   { Next: 'Needs review' },
 * );
 */
export function sendToReviewTask(
  target: ReviewTarget,
  transition: Transition,
): TaskWithPermissions {
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
  const permission: TaskPermission =
    'queueUrl' in target
      ? {
          actions: ['sqs:SendMessage'],
          resources: [target.queueArn ?? queueArnOf(target.queueUrl)],
        }
      : { actions: ['sns:Publish'], resources: [target.topicArn] };
  return {
    state: { Type: 'Task', ...integration, ResultPath: null, ...transition },
    permissions: [permission],
  };
}

// https://sqs.<region>.amazonaws.com/<account>/<name> (also .com.cn), as SQS documents its URLs.
const QUEUE_URL =
  /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([\w-]{1,80}(?:\.fifo)?)$/;

function queueArnOf(queueUrl: string): string {
  const match = QUEUE_URL.exec(queueUrl);
  if (!match) {
    throw new Error(
      `The review queue "${queueUrl}" is not a queue URL to read its ARN from: give queueArn as well (the task's permission names the queue by ARN).`,
    );
  }
  const [, region, account, name] = match;
  return `arn:\${AWS::Partition}:sqs:${region}:${account}:${name}`;
}
