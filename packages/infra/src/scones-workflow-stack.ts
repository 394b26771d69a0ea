import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import {
  ImageClassificationWorkflow,
  type ImageClassificationWorkflowProps,
} from './image-classification-workflow.js';

export interface SconesWorkflowStackProps extends StackProps {
  workflow: Omit<ImageClassificationWorkflowProps, 'bucket'>;
  /** An existing bucket, by name. Default: the workflow creates one. */
  bucketName?: string;
}

/** The stack the CDK app deploys: the workflow construct and its outputs. */
export class SconesWorkflowStack extends Stack {
  readonly workflow: ImageClassificationWorkflow;

  constructor(scope: Construct, id: string, props: SconesWorkflowStackProps) {
    super(scope, id, props);
    const bucket = props.bucketName
      ? s3.Bucket.fromBucketName(this, 'Photos', props.bucketName)
      : undefined;
    this.workflow = new ImageClassificationWorkflow(this, 'Workflow', {
      ...props.workflow,
      bucket,
    });
    new CfnOutput(this, 'StateMachineArn', { value: this.workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'BucketName', { value: this.workflow.bucket.bucketName });
    new CfnOutput(this, 'EndpointName', { value: this.workflow.endpointName });
    if (this.workflow.expressStateMachine) {
      new CfnOutput(this, 'ExpressStateMachineArn', {
        value: this.workflow.expressStateMachine.stateMachineArn,
      });
    }
    if (this.workflow.batchStateMachine) {
      new CfnOutput(this, 'BatchStateMachineArn', {
        value: this.workflow.batchStateMachine.stateMachineArn,
      });
    }
    if (this.workflow.training) {
      new CfnOutput(this, 'TrainingStateMachineArn', {
        value: this.workflow.training.stateMachine.stateMachineArn,
      });
    }
  }
}
