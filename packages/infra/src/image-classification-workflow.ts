import {
  DEFAULT_CLASS_LABELS,
  DEFAULT_THRESHOLD,
  INLINE_IMAGE_MAX_BYTES,
  MAX_IMAGE_BYTES,
} from '@scones/contracts';
import {
  buildBatchDefinition,
  buildImageClassificationDefinition,
  definitionToJson,
  type BatchOptions,
  type ImageClassificationOptions,
} from '@scones/workflow';
import { ArnFormat, Aws, Duration, Names, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ClassifierEndpoint, type ClassifierModelProps } from './endpoint/classifier-endpoint.js';
import { acknowledge, objectsFinding } from './nag.js';
import { StepLambda } from './step-lambda.js';
import { TrainingPipeline, type TrainingProps } from './training-pipeline.js';
import { WorkflowAlarms } from './workflow-alarms.js';
import { WorkflowBucket } from './workflow-bucket.js';

/** The endpoint the workflow classifies with: an existing one, or one created from a model. */
export type ClassifierEndpointChoice =
  | { existingEndpointName: string }
  | { model: ClassifierModelProps; endpointName?: string };

/** Where low-confidence results go. */
export type LowConfidenceChoice =
  /** The execution fails (the original behaviour). */
  | { mode: 'fail' }
  /** To a queue or topic for review (a new encrypted queue when none is given); the execution succeeds. */
  | { mode: 'review'; target?: sqs.IQueue | sns.ITopic };

export interface ImageClassificationWorkflowProps {
  /** The SageMaker endpoint. */
  endpoint: ClassifierEndpointChoice;
  /** An existing bucket for the photos (and data capture). Default: a new, locked-down bucket. */
  bucket?: s3.IBucket;
  /**
   * Key prefixes the photos live under (e.g. `['incoming/']`): the step Lambdas may read only
   * those. Default: any key in the bucket, since the workflow input names the key.
   */
  photoPrefixes?: readonly string[];
  /** Minimum confidence, 0..1. Default 0.93. */
  threshold?: number;
  /** The endpoint's classes in class-index order. Default bicycle, motorcycle. */
  classLabels?: readonly string[];
  /** Default `{ mode: 'fail' }`. */
  lowConfidence?: LowConfidenceChoice;
  /** Retention of every log group. Default one month. */
  logRetention?: logs.RetentionDays;
  /** Low-confidence alarm level, percent of images. Default 20. */
  lowConfidenceAlarmPercent?: number;
  /** Images up to this size travel inline. Default 180 KiB. */
  inlineImageMaxBytes?: number;
  /** The batch state machine (a Distributed Map over an S3 prefix); `false` leaves it out. */
  batch?: BatchProps | false;
  /**
   * The single-image definition also as an EXPRESS machine, for services that want one photo
   * classified now with StartSyncExecution (which runs EXPRESS machines only).
   * @default true
   */
  express?: boolean;
  /** The gated training state machine and its SageMaker role; `false` leaves them out. */
  training?: TrainingProps | false;
}

/** The batch state machine's settings. */
export interface BatchProps {
  /** Child executions at once. Default 100 (Step Functions allows up to 10,000). */
  maxConcurrency?: number;
  /** The run fails when more than this share of images fail. Default 10. */
  toleratedFailurePercentage?: number;
  /** Where results are written in the bucket. Default `batch-results`. */
  resultsPrefix?: string;
  /** Restrict listing to keys under this prefix (e.g. `incoming/`). Default: the whole bucket. */
  inputPrefix?: string;
}

/** Placeholders in the definition, replaced by CloudFormation through DefinitionSubstitutions. */
export const DEFINITION_PLACEHOLDERS = {
  functions: {
    serialize: '${SerializeFunctionArn}',
    classify: '${ClassifyFunctionArn}',
    threshold: '${ThresholdFunctionArn}',
  },
  reviewQueueUrl: '${ReviewQueueUrl}',
  resultsBucket: '${ResultsBucket}',
  reviewTopicArn: '${ReviewTopicArn}',
} as const;

export const DEFAULT_ENDPOINT_NAME = 'scones-classifier';

/**
 * The Scones image-classification workflow: the three step Lambdas (from each step package's
 * bundle), the single-image state machine from @scones/workflow, the bucket, the SageMaker
 * endpoint with data capture (when created), alarms, and IAM derived from what each part does.
 *
 * @example
 * new ImageClassificationWorkflow(stack, 'Workflow', {
 *   endpoint: { existingEndpointName: 'scones-classifier' },
 *   lowConfidence: { mode: 'review' },
 * });
 */
export class ImageClassificationWorkflow extends Construct {
  readonly bucket: s3.IBucket;
  readonly endpointName: string;
  readonly stateMachine: sfn.StateMachine;
  /** The same definition, EXPRESS: StartSyncExecution answers with the result. */
  readonly expressStateMachine?: sfn.StateMachine;
  readonly batchStateMachine?: sfn.StateMachine;
  readonly training?: TrainingPipeline;
  readonly functions: Record<'serialize' | 'classify' | 'threshold', lambda.Function>;
  readonly reviewTarget?: sqs.IQueue | sns.ITopic;
  readonly alarms: WorkflowAlarms;

  constructor(scope: Construct, id: string, props: ImageClassificationWorkflowProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const labels = (props.classLabels ?? DEFAULT_CLASS_LABELS).join(',');
    this.bucket = props.bucket ?? new WorkflowBucket(this, 'Photos').bucket;

    const endpointName =
      'existingEndpointName' in props.endpoint
        ? props.endpoint.existingEndpointName
        : (props.endpoint.endpointName ?? DEFAULT_ENDPOINT_NAME);
    if (Token.isUnresolved(endpointName))
      throw new Error('The endpoint name must be a literal: IAM needs its lower-cased ARN.');
    if ('model' in props.endpoint) {
      this.endpointName = new ClassifierEndpoint(this, 'Classifier', {
        ...props.endpoint.model,
        endpointName,
        bucket: this.bucket,
      }).endpointName;
    } else {
      this.endpointName = endpointName;
    }

    const step = (
      name: 'serialize' | 'classify' | 'threshold',
      description: string,
      environment: Record<string, string>,
      timeoutSeconds: number,
      memorySize: number,
    ) =>
      new StepLambda(this, `${name[0].toUpperCase()}${name.slice(1)}`, {
        step: name,
        description,
        environment,
        timeout: Duration.seconds(timeoutSeconds),
        memorySize,
        logRetention,
      });
    // Function timeouts stay below the state timeouts of the definition (30, 60, 10 s).
    const serialize = step(
      'serialize',
      'Scones step 1: read a delivery photo from S3, check it is an image, base64 it',
      {
        MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES),
        INLINE_IMAGE_MAX_BYTES: String(props.inlineImageMaxBytes ?? INLINE_IMAGE_MAX_BYTES),
      },
      20,
      512,
    );
    const classify = step(
      'classify',
      'Scones step 2: classify the photo with the SageMaker endpoint',
      {
        ENDPOINT_NAME: this.endpointName,
        CLASS_LABELS: labels,
        MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES),
      },
      45,
      512,
    );
    const threshold = step(
      'threshold',
      'Scones step 3: pass confident predictions on',
      { THRESHOLD: String(props.threshold ?? DEFAULT_THRESHOLD), CLASS_LABELS: labels },
      5,
      256,
    );
    this.functions = {
      serialize: serialize.function,
      classify: classify.function,
      threshold: threshold.function,
    };

    const photoPatterns = (props.photoPrefixes ?? ['']).map((prefix) => `${prefix}*`);
    const readPhotos = new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: photoPatterns.map((pattern) => this.bucket.arnForObjects(pattern)),
    });
    // Without s3:ListBucket, S3 answers GetObject on a missing key with 403 AccessDenied rather
    // than 404 NoSuchKey (API_GetObject, "Permissions"), and a missing photo would read as a
    // permissions problem. Listing is limited to the photo prefixes when they are set.
    const listPhotos = new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [this.bucket.bucketArn],
      ...(props.photoPrefixes
        ? { conditions: { StringLike: { 's3:prefix': photoPatterns } } }
        : {}),
    });
    for (const role of [serialize.role, classify.role]) {
      role.addToPolicy(readPhotos);
      role.addToPolicy(listPhotos);
    }
    classify.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sagemaker:InvokeEndpoint'],
        resources: [
          `arn:${Aws.PARTITION}:sagemaker:${stack.region}:${stack.account}:endpoint/${endpointName.toLowerCase()}`,
        ],
      }),
    );
    for (const role of [serialize.role, classify.role]) {
      for (const pattern of photoPatterns) {
        acknowledge(
          role,
          `AwsSolutions-IAM5[Resource::${objectsFinding(this.bucket, pattern)}]`,
          'Photos have arbitrary keys (under photoPrefixes when set); the only action allowed on them is s3:GetObject.',
        );
      }
    }

    const lowConfidence = props.lowConfidence ?? { mode: 'fail' };
    let reviewTarget: sqs.IQueue | sns.ITopic | undefined;
    if (lowConfidence.mode === 'review') {
      reviewTarget = lowConfidence.target ?? this.reviewQueue();
      this.reviewTarget = reviewTarget;
    }

    const review =
      reviewTarget === undefined ? 'fail' : 'queueUrl' in reviewTarget ? 'queue' : 'topic';
    const definitionOptions = workflowDefinitionOptions(review);
    const role = this.stepsRole(
      'StateMachineRole',
      'Runs the Scones image-classification state machine',
      reviewTarget,
    );
    const definition = sfn.DefinitionBody.fromString(
      definitionToJson(buildImageClassificationDefinition(definitionOptions)),
    );
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Scones image classification',
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: definition,
      definitionSubstitutions: this.substitutions(reviewTarget),
      role,
      logs: this.machineLogs('StateMachineLogs', logRetention),
      tracingEnabled: true,
    });
    if (props.express !== false) {
      this.expressStateMachine = new sfn.StateMachine(this, 'ExpressStateMachine', {
        comment: 'Scones image classification, synchronous (StartSyncExecution)',
        stateMachineType: sfn.StateMachineType.EXPRESS,
        definitionBody: definition,
        definitionSubstitutions: this.substitutions(reviewTarget),
        role,
        logs: this.machineLogs('ExpressStateMachineLogs', logRetention),
        tracingEnabled: true,
      });
    }

    if (props.batch !== false) {
      this.batchStateMachine = this.batchMachine(
        props.batch ?? {},
        review,
        reviewTarget,
        logRetention,
      );
    }

    if (props.training !== false) {
      this.training = new TrainingPipeline(this, 'Training', {
        ...props.training,
        bucket: this.bucket,
        endpointName,
        logRetention,
      });
    }

    this.alarms = new WorkflowAlarms(this, 'Alarms', {
      stateMachine: this.stateMachine,
      thresholdFunction: threshold.function,
      thresholdLogGroup: threshold.logGroup,
      lowConfidencePercent: props.lowConfidenceAlarmPercent ?? 20,
    });
  }

  /** A state machine's logs: every event with its data, in a log group of its own. */
  private machineLogs(id: string, retention: logs.RetentionDays): sfn.LogOptions {
    return {
      destination: new logs.LogGroup(this, id, { retention, removalPolicy: RemovalPolicy.DESTROY }),
      level: sfn.LogLevel.ALL,
      includeExecutionData: true,
    };
  }

  /**
   * The batch state machine: the Distributed Map of @scones/workflow, allowed to invoke the same
   * functions, list the bucket (the input prefix), write the results prefix, and start and
   * describe its own child executions, nothing more.
   */
  private batchMachine(
    batch: BatchProps,
    review: 'fail' | 'queue' | 'topic',
    reviewTarget: sqs.IQueue | sns.ITopic | undefined,
    logRetention: logs.RetentionDays,
  ): sfn.StateMachine {
    const stack = Stack.of(this);
    const name = Names.uniqueResourceName(this, { maxLength: 70, separator: '-' }) + '-batch';
    const resultsPrefix = batch.resultsPrefix ?? 'batch-results';
    const role = this.stepsRole(
      'BatchRole',
      'Runs the Scones batch-classification state machine and its child executions',
      reviewTarget,
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        ...(batch.inputPrefix
          ? { conditions: { StringLike: { 's3:prefix': [`${batch.inputPrefix}*`] } } }
          : {}),
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          's3:PutObject',
          's3:GetObject',
          's3:AbortMultipartUpload',
          's3:ListMultipartUploadParts',
        ],
        resources: [this.bucket.arnForObjects(`${resultsPrefix}/*`)],
      }),
    );
    const machineArn = stack.formatArn({
      service: 'states',
      region: Aws.REGION,
      account: Aws.ACCOUNT_ID,
      resource: 'stateMachine',
      resourceName: name,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [machineArn] }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [
          stack.formatArn({
            service: 'states',
            region: Aws.REGION,
            account: Aws.ACCOUNT_ID,
            resource: 'execution',
            resourceName: `${name}/*`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
      }),
    );
    const definition = buildBatchDefinition(batchDefinitionOptions(review, batch));
    const machine = new sfn.StateMachine(this, 'BatchStateMachine', {
      stateMachineName: name,
      comment: 'Scones batch classification',
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(definitionToJson(definition)),
      definitionSubstitutions: {
        ...this.substitutions(reviewTarget),
        ResultsBucket: this.bucket.bucketName,
      },
      role,
      logs: this.machineLogs('BatchLogs', logRetention),
      tracingEnabled: true,
    });
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${objectsFinding(this.bucket, `${resultsPrefix}/*`)}]`,
      'ResultWriter writes files with generated names, under the results prefix only.',
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${name}/*]`,
      'The Distributed Map describes and stops its own child executions, whose names are generated.',
    );
    return machine;
  }

  /**
   * A role for a state machine that runs the step functions: it may invoke exactly the three
   * functions and send to the review target (log delivery and X-Ray come with the machine).
   */
  private stepsRole(
    id: string,
    description: string,
    reviewTarget: sqs.IQueue | sns.ITopic | undefined,
  ): iam.Role {
    const role = new iam.Role(this, id, {
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com'),
      description,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: Object.values(this.functions).map((fn) => fn.functionArn),
      }),
    );
    if (reviewTarget) {
      role.addToPolicy(
        'queueUrl' in reviewTarget
          ? new iam.PolicyStatement({
              actions: ['sqs:SendMessage'],
              resources: [reviewTarget.queueArn],
            })
          : new iam.PolicyStatement({
              actions: ['sns:Publish'],
              resources: [reviewTarget.topicArn],
            }),
      );
    }
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Step Functions log delivery and X-Ray tracing can only be granted on all resources.',
    );
    return role;
  }

  /** What CloudFormation puts in place of the definitions' placeholders. */
  private substitutions(reviewTarget: sqs.IQueue | sns.ITopic | undefined): Record<string, string> {
    return {
      SerializeFunctionArn: this.functions.serialize.functionArn,
      ClassifyFunctionArn: this.functions.classify.functionArn,
      ThresholdFunctionArn: this.functions.threshold.functionArn,
      ...(reviewTarget && 'queueUrl' in reviewTarget
        ? { ReviewQueueUrl: reviewTarget.queueUrl }
        : {}),
      ...(reviewTarget && 'topicArn' in reviewTarget
        ? { ReviewTopicArn: reviewTarget.topicArn }
        : {}),
    };
  }

  private reviewQueue(): sqs.Queue {
    const common = {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    };
    const deadLetters = new sqs.Queue(this, 'ReviewDeadLetters', common);
    return new sqs.Queue(this, 'ReviewQueue', {
      ...common,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
  }
}

/** The @scones/workflow options of the batch definition, with placeholders, as the construct builds it. */
export function batchDefinitionOptions(
  review: 'fail' | 'queue' | 'topic',
  batch: BatchProps = {},
): BatchOptions {
  const single = workflowDefinitionOptions(review);
  return {
    ...single,
    // In a batch a low-confidence photo is a result; only errors count against the tolerance.
    lowConfidence: review === 'fail' ? { mode: 'result' } : single.lowConfidence,
    results: {
      bucket: DEFINITION_PLACEHOLDERS.resultsBucket,
      prefix: batch.resultsPrefix ?? 'batch-results',
    },
    maxConcurrency: batch.maxConcurrency,
    toleratedFailurePercentage: batch.toleratedFailurePercentage,
  };
}

/**
 * The @scones/workflow options the construct builds its definition from, with the ARNs as
 * placeholders: a test (or a reviewer) can build the same definition and compare.
 */
export function workflowDefinitionOptions(
  review: 'fail' | 'queue' | 'topic',
): ImageClassificationOptions {
  const { functions, reviewQueueUrl, reviewTopicArn } = DEFINITION_PLACEHOLDERS;
  if (review === 'fail') return { functions: { ...functions }, lowConfidence: { mode: 'fail' } };
  return {
    functions: { ...functions },
    lowConfidence: {
      mode: 'review',
      target: review === 'queue' ? { queueUrl: reviewQueueUrl } : { topicArn: reviewTopicArn },
    },
  };
}
