import { DEFAULT_ENDPOINT_NAME } from '@scones/contracts';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { BatchClassification } from './batch-classification.js';
import type { BatchProps } from './definition-placeholders.js';
import { ClassifierEndpoint, type ClassifierModelProps } from './endpoint/classifier-endpoint.js';
import { ReviewQueue } from './review-queue.js';
import { SingleImageClassification } from './single-image-classification.js';
import { StepLambdas } from './step-lambdas.js';
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

/**
 * The Scones image-classification workflow, composed of small constructs: the bucket, the
 * SageMaker endpoint with data capture (when created), the three step Lambdas, the review queue
 * (when reviewing without a target), the single-image machines, the batch machine, the training
 * pipeline, and alarms. Each state machine's role is what its definition's tasks declare.
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
  readonly steps: StepLambdas;
  readonly functions: Record<'serialize' | 'classify' | 'threshold', lambda.Function>;
  readonly reviewTarget?: sqs.IQueue | sns.ITopic;
  readonly stateMachine: sfn.StateMachine;
  /** The same definition, EXPRESS: StartSyncExecution answers with the result. */
  readonly expressStateMachine?: sfn.StateMachine;
  readonly batchStateMachine?: sfn.StateMachine;
  readonly training?: TrainingPipeline;
  readonly alarms: WorkflowAlarms;

  constructor(scope: Construct, id: string, props: ImageClassificationWorkflowProps) {
    super(scope, id);
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    this.bucket = props.bucket ?? new WorkflowBucket(this, 'Photos').bucket;

    const endpointName =
      'existingEndpointName' in props.endpoint
        ? props.endpoint.existingEndpointName
        : (props.endpoint.endpointName ?? DEFAULT_ENDPOINT_NAME);
    this.steps = new StepLambdas(this, 'Steps', {
      bucket: this.bucket,
      photoPrefixes: props.photoPrefixes,
      endpointName,
      threshold: props.threshold,
      classLabels: props.classLabels,
      inlineImageMaxBytes: props.inlineImageMaxBytes,
      logRetention,
    });
    this.functions = this.steps.functions;
    this.endpointName =
      'model' in props.endpoint
        ? new ClassifierEndpoint(this, 'Classifier', {
            ...props.endpoint.model,
            endpointName,
            bucket: this.bucket,
          }).endpointName
        : endpointName;

    const lowConfidence = props.lowConfidence ?? { mode: 'fail' };
    if (lowConfidence.mode === 'review')
      this.reviewTarget = lowConfidence.target ?? new ReviewQueue(this, 'Review').queue;

    const single = new SingleImageClassification(this, 'SingleImage', {
      steps: this.steps,
      review: this.reviewTarget,
      express: props.express !== false,
      logRetention,
    });
    this.stateMachine = single.standard;
    this.expressStateMachine = single.express;

    if (props.batch !== false) {
      this.batchStateMachine = new BatchClassification(this, 'Batch', {
        ...props.batch,
        steps: this.steps,
        bucket: this.bucket,
        review: this.reviewTarget,
        logRetention,
      }).stateMachine;
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
      thresholdFunction: this.steps.threshold.function,
      thresholdLogGroup: this.steps.threshold.logGroup,
      lowConfidencePercent: props.lowConfidenceAlarmPercent ?? 20,
    });
  }
}
