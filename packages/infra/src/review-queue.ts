import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * The queue low-confidence photos wait in for a person, when no target is given: encrypted
 * (SQS-managed keys), TLS only, kept 14 days, and moved to a dead-letter queue after 5 receives.
 */
export class ReviewQueue extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const common = {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    };
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', common);
    this.queue = new sqs.Queue(this, 'Queue', {
      ...common,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
    });
  }
}
