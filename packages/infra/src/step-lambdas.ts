import {
  DEFAULT_CLASS_LABELS,
  DEFAULT_THRESHOLD,
  INLINE_IMAGE_MAX_BYTES,
  MAX_IMAGE_BYTES,
} from '@scones/contracts';
import { DEFAULT_TASK_TIMEOUTS, type StepLambdaNames } from '@scones/workflow';
import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge, objectsFinding } from './nag.js';
import { StepLambda } from './step-lambda.js';

export interface StepLambdasProps {
  bucket: s3.IBucket;
  /** Key prefixes the photos live under; default any key. */
  photoPrefixes?: readonly string[];
  /** The endpoint classify calls: a literal name, since IAM needs its lower-cased ARN. */
  endpointName: string;
  threshold?: number;
  classLabels?: readonly string[];
  inlineImageMaxBytes?: number;
  logRetention: logs.RetentionDays;
}

/**
 * A function's timeout inside its state's: the state waits for the function's own timeout error
 * (which names the function and leaves its log) rather than giving up first, with room for the
 * invoke itself and a cold start's initialisation.
 *
 * @example
 * functionTimeoutWithin(30); // 22 seconds, for the serialize state's 30
 */
export function functionTimeoutWithin(stateTimeoutSeconds: number): Duration {
  const margin = Math.max(5, Math.ceil(stateTimeoutSeconds / 4));
  return Duration.seconds(stateTimeoutSeconds - margin);
}

/**
 * The three step Lambdas, each from its package's bundle and each timing out inside its state's
 * timeout: serialize and classify may read the photos (and list them, so that a missing photo is
 * NoSuchKey, not AccessDenied), classify may invoke the one endpoint, threshold nothing more.
 */
export class StepLambdas extends Construct {
  readonly serialize: StepLambda;
  readonly classify: StepLambda;
  readonly threshold: StepLambda;

  constructor(scope: Construct, id: string, props: StepLambdasProps) {
    super(scope, id);
    if (Token.isUnresolved(props.endpointName))
      throw new Error('The endpoint name must be a literal: IAM needs its lower-cased ARN.');
    const labels = (props.classLabels ?? DEFAULT_CLASS_LABELS).join(',');
    const step = (
      name: keyof StepLambdaNames,
      description: string,
      environment: Record<string, string>,
      memorySize: number,
    ) =>
      new StepLambda(this, `${name.charAt(0).toUpperCase()}${name.slice(1)}`, {
        step: name,
        description,
        environment,
        timeout: functionTimeoutWithin(DEFAULT_TASK_TIMEOUTS[name]),
        memorySize,
        logRetention: props.logRetention,
      });
    this.serialize = step(
      'serialize',
      'Scones step 1: read a delivery photo from S3, check it is an image, base64 it',
      {
        MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES),
        INLINE_IMAGE_MAX_BYTES: String(props.inlineImageMaxBytes ?? INLINE_IMAGE_MAX_BYTES),
      },
      512,
    );
    this.classify = step(
      'classify',
      'Scones step 2: classify the photo with the SageMaker endpoint',
      {
        ENDPOINT_NAME: props.endpointName,
        CLASS_LABELS: labels,
        MAX_IMAGE_BYTES: String(MAX_IMAGE_BYTES),
      },
      512,
    );
    this.threshold = step(
      'threshold',
      'Scones step 3: pass confident predictions on',
      { THRESHOLD: String(props.threshold ?? DEFAULT_THRESHOLD), CLASS_LABELS: labels },
      256,
    );

    const photoPatterns = (props.photoPrefixes ?? ['']).map((prefix) => `${prefix}*`);
    const readPhotos = new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: photoPatterns.map((pattern) => props.bucket.arnForObjects(pattern)),
    });
    // Without s3:ListBucket, S3 answers GetObject on a missing key with 403 AccessDenied rather
    // than 404 NoSuchKey (API_GetObject, "Permissions"), and a missing photo would read as a
    // permissions problem. Listing is limited to the photo prefixes when they are set.
    const listPhotos = new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [props.bucket.bucketArn],
      ...(props.photoPrefixes
        ? { conditions: { StringLike: { 's3:prefix': photoPatterns } } }
        : {}),
    });
    for (const reader of [this.serialize, this.classify]) {
      reader.role.addToPolicy(readPhotos);
      reader.role.addToPolicy(listPhotos);
      for (const pattern of photoPatterns) {
        acknowledge(
          reader.role,
          `AwsSolutions-IAM5[Resource::${objectsFinding(props.bucket, pattern)}]`,
          'Photos have arbitrary keys (under photoPrefixes when set); the only action allowed on them is s3:GetObject.',
        );
      }
    }
    this.classify.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['sagemaker:InvokeEndpoint'],
        resources: [
          Stack.of(this).formatArn({
            service: 'sagemaker',
            resource: 'endpoint',
            resourceName: props.endpointName.toLowerCase(),
          }),
        ],
      }),
    );
  }

  /** The three functions, by step. */
  get functions(): Record<keyof StepLambdaNames, lambda.Function> {
    return {
      serialize: this.serialize.function,
      classify: this.classify.function,
      threshold: this.threshold.function,
    };
  }
}
