import { buildTrainingDefinition, definitionToJson, type TrainingOptions } from '@scones/workflow';
import { ArnFormat, Aws, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { grantAlgorithmContainer } from './endpoint/algorithm-container-access.js';
import { imageClassificationAlgorithmImage } from './endpoint/algorithm-image.js';
import { acknowledge, objectsFinding } from './nag.js';

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
    const endpoint = props.endpointName.toLowerCase();
    const arn = (service: string, resource: string, resourceName: string) =>
      Stack.of(this).formatArn({
        service,
        resource,
        resourceName,
        region: Aws.REGION,
        account: Aws.ACCOUNT_ID,
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      });

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
          props.bucket.arnForObjects('data_capture/*'),
        ],
      }),
    ];
    statements.forEach((statement) => this.sageMakerRole.addToPolicy(statement));
    grantAlgorithmContainer(this.sageMakerRole, '*');

    const role = new iam.Role(this, 'StateMachineRole', {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description: 'Runs the Scones training state machine',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        // As Step Functions documents the .sync integration's policy, tags included
        // (https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html).
        actions: [
          'sagemaker:CreateTrainingJob',
          'sagemaker:DescribeTrainingJob',
          'sagemaker:StopTrainingJob',
          'sagemaker:AddTags',
          'sagemaker:ListTags',
        ],
        resources: [arn('sagemaker', 'training-job', 'scones-*')],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sagemaker:CreateModel'],
        resources: [arn('sagemaker', 'model', 'scones-*')],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sagemaker:CreateEndpointConfig'],
        resources: [arn('sagemaker', 'endpoint-config', 'scones-*')],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'sagemaker:CreateEndpoint',
          'sagemaker:UpdateEndpoint',
          'sagemaker:DescribeEndpoint',
        ],
        resources: [
          arn('sagemaker', 'endpoint', endpoint),
          arn('sagemaker', 'endpoint-config', 'scones-*'),
        ],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.sageMakerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      }),
    );
    // createTrainingJob.sync follows the job through this EventBridge rule, which Step Functions manages.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        resources: [arn('events', 'rule', 'StepFunctionsGetEventsForSageMakerTrainingJobsRule')],
      }),
    );

    const definition = buildTrainingDefinition(
      trainingDefinitionOptions(props.endpointName, props),
    );
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: `${Names.uniqueResourceName(this, { maxLength: 70, separator: '-' })}-training`,
      comment: 'Scones training',
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(definitionToJson(definition)),
      definitionSubstitutions: {
        SageMakerRoleArn: this.sageMakerRole.roleArn,
        AlgorithmImage: imageClassificationAlgorithmImage(this),
        ModelOutputPath: props.bucket.s3UrlForObject(outputPrefix),
        DataCaptureUri: props.bucket.s3UrlForObject('data_capture'),
      },
      role,
      logs: {
        destination: new logs.LogGroup(this, 'Logs', {
          retention: props.logRetention,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: true,
      },
      tracingEnabled: true,
    });

    const reasons: [Construct, string, string][] = [
      [
        this.sageMakerRole,
        `Resource::${objectsFinding(props.bucket, `${dataPrefix}/*`)}`,
        'Training reads every file of its data prefix.',
      ],
      [
        this.sageMakerRole,
        `Resource::${objectsFinding(props.bucket, `${outputPrefix}/*`)}`,
        'Training writes, and serving reads, artifacts with generated names under the models prefix.',
      ],
      [
        this.sageMakerRole,
        `Resource::${objectsFinding(props.bucket, 'data_capture/*')}`,
        'Data capture writes files with generated names under data_capture/.',
      ],
      [
        role,
        'Resource::*',
        'Step Functions log delivery and X-Ray tracing can only be granted on all resources.',
      ],
      [
        role,
        'Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:training-job/scones-*',
        'Each run names its training job scones-<execution name>.',
      ],
      [
        role,
        'Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:model/scones-*',
        'Each run names its model after its training job.',
      ],
      [
        role,
        'Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:endpoint-config/scones-*',
        'Each run names its endpoint config after its training job.',
      ],
    ];
    for (const [target, finding, reason] of reasons)
      acknowledge(target, `AwsSolutions-IAM5[${finding}]`, reason);
  }
}
