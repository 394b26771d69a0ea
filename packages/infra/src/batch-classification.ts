import { buildBatchWorkflow } from '@scones/workflow';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { batchDefinitionOptions, type BatchProps } from './definition-placeholders.js';
import { WorkflowStateMachine } from './state-machines/workflow-state-machine.js';
import type { StepLambdas } from './step-lambdas.js';
import {
  reviewKindOf,
  workflowSubstitutions,
  type ReviewDestination,
} from './workflow-substitutions.js';

export interface BatchClassificationProps extends BatchProps {
  steps: StepLambdas;
  bucket: s3.IBucket;
  review: ReviewDestination;
  logRetention: logs.RetentionDays;
}

/**
 * The batch state machine: the Distributed Map of @scones/workflow over a prefix of the bucket,
 * running the single-image states as child executions, with results written under the results
 * prefix. Its role allows what the definition declares: its own child executions, listing the
 * bucket (the input prefix), writing the results, and what the child tasks call.
 */
export class BatchClassification extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: BatchClassificationProps) {
    super(scope, id);
    this.stateMachine = new WorkflowStateMachine(this, 'Machine', {
      workflow: buildBatchWorkflow(batchDefinitionOptions(reviewKindOf(props.review), props)),
      substitutions: {
        ...workflowSubstitutions(props.steps.functions, props.review),
        ResultsBucket: props.bucket.bucketName,
      },
      type: sfn.StateMachineType.STANDARD,
      comment: 'Scones batch classification',
      roleDescription:
        'Runs the Scones batch-classification state machine and its child executions',
      logRetention: props.logRetention,
    }).stateMachine;
  }
}
