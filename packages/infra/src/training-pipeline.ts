import { DATA_CAPTURE } from '@scones/contracts';
import { buildTrainingWorkflow, type TrainingOptions } from '@scones/workflow';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { grantAlgorithmContainer } from './endpoint/algorithm-container-access.js';
import { imageClassificationAlgorithmImage } from './endpoint/algorithm-image.js';
import { acknowledge, objectsFinding } from './nag.js';
import { WorkflowStateMachine } from './state-machines/workflow-state-machine.js';

/** The training state machine's settings. */
export interface TrainingProps {
  /** Training data under this prefix of the bucket (train/, validation/, train_lst/, validation_lst/). Default `training`. */
  dataPrefix?: string;
  /** Model artifacts go under this prefix. Default `models`. */
  outputPrefix?: string;
  /** Default 0.8. */
  minAccuracy?: number;
  /** Default `ml.p3.2xlarge`. */
  trainingInstanceType?: string;
}

export interface TrainingPipelineProps extends TrainingProps {
  bucket: s3.IBucket;
  endpointName: string;
  logRetention: logs.RetentionDays;
}

/** Placeholders of the training definition, replaced through DefinitionSubstitutions. */
export const TRAINING_PLACEHOLDERS = {
  sageMakerRoleArn: '${SageMakerRoleArn}',
  algorithmImage: '${AlgorithmImage}',
  outputPath: '${ModelOutputPath}',
  dataCapture: '${DataCaptureUri}',
} as const;

/** The @scones/workflow options the training definition is built from, with placeholders. */
export function trainingDefinitionOptions(
  endpointName: string,
  props: TrainingProps = {},
): TrainingOptions {
  return {
    sageMakerRoleArn: TRAINING_PLACEHOLDERS.sageMakerRoleArn,
    algorithmImage: TRAINING_PLACEHOLDERS.algorithmImage,
    outputPath: TRAINING_PLACEHOLDERS.outputPath,
    endpointName,
    minAccuracy: props.minAccuracy,
    trainingInstanceType: props.trainingInstanceType,
    dataCapture: { destination: TRAINING_PLACEHOLDERS.dataCapture },
  };
}

/**
 * The gated training state machine and the SageMaker role it trains and serves with: the role
 * may read the training data and model artifacts, write artifacts and data capture, in this
 * bucket only; the state machine may run jobs, models, configs and the one endpoint named
 * `scones-*`, and pass that role to SageMaker.
 */
export class TrainingPipeline extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly sageMakerRole: iam.Role;

  constructor(scope: Construct, id: string, props: TrainingPipelineProps) {
    super(scope, id);
    const dataPrefix = (props.dataPrefix ?? 'training').replace(/\/$/, '');
    const outputPrefix = (props.outputPrefix ?? 'models').replace(/\/$/, '');

    this.sageMakerRole = new iam.Role(this, 'SageMakerRole', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: 'Trains and serves the Scones classifier; limited to the workflow bucket',
    });
    const statements = [
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${dataPrefix}/*`, `${outputPrefix}/*`] } },
      }),
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [
          props.bucket.arnForObjects(`${dataPrefix}/*`),
          props.bucket.arnForObjects(`${outputPrefix}/*`),
        ],
      }),
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [
          props.bucket.arnForObjects(`${outputPrefix}/*`),
          props.bucket.arnForObjects(`${DATA_CAPTURE.prefix}/*`),
        ],
      }),
    ];
    statements.forEach((statement) => this.sageMakerRole.addToPolicy(statement));
    grantAlgorithmContainer(this.sageMakerRole, '*');

    this.stateMachine = new WorkflowStateMachine(this, 'Machine', {
      workflow: buildTrainingWorkflow(trainingDefinitionOptions(props.endpointName, props)),
      substitutions: {
        SageMakerRoleArn: this.sageMakerRole.roleArn,
        AlgorithmImage: imageClassificationAlgorithmImage(this),
        ModelOutputPath: props.bucket.s3UrlForObject(outputPrefix),
        DataCaptureUri: props.bucket.s3UrlForObject(DATA_CAPTURE.prefix),
      },
      type: sfn.StateMachineType.STANDARD,
      comment: 'Scones training',
      roleDescription: 'Runs the Scones training state machine',
      logRetention: props.logRetention,
    }).stateMachine;

    const reasons: [string, string][] = [
      [`${dataPrefix}/*`, 'Training reads every file of its data prefix.'],
      [
        `${outputPrefix}/*`,
        'Training writes, and serving reads, artifacts with generated names under the models prefix.',
      ],
      [
        `${DATA_CAPTURE.prefix}/*`,
        'Data capture writes files with generated names under its own prefix.',
      ],
    ];
    for (const [pattern, reason] of reasons) {
      acknowledge(
        this.sageMakerRole,
        `AwsSolutions-IAM5[Resource::${objectsFinding(props.bucket, pattern)}]`,
        reason,
      );
    }
  }
}
