import { DATA_CAPTURE, DEFAULT_VARIANT_NAME } from '@scones/contracts';
import { Aws } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { grantAlgorithmContainer } from './algorithm-container-access.js';
import { imageClassificationAlgorithmImage } from './algorithm-image.js';
import { acknowledge, objectsFinding } from '../nag.js';

/** How to create the classifier endpoint from a trained model. */
export interface ClassifierModelProps {
  /** The trained model artifact, `s3://bucket/path/model.tar.gz`. */
  modelDataUrl: string;
  /** The inference container. Default: the built-in image-classification algorithm for the region. */
  image?: string;
  /** Default `ml.m5.large`. */
  instanceType?: string;
  /** Instances at start, and the autoscaling minimum. Default 1. */
  initialInstanceCount?: number;
  /** The autoscaling maximum. Default 4. */
  maxInstanceCount?: number;
  /** Target invocations per instance per minute for autoscaling. Default 600. */
  invocationsPerInstance?: number;
  /** Share of requests captured. Default 100. */
  dataCapturePercentage?: number;
}

export interface ClassifierEndpointProps extends ClassifierModelProps {
  /** The endpoint's name. */
  endpointName: string;
  /** The bucket data capture writes to, under `data_capture/`. */
  bucket: s3.IBucket;
}

/**
 * A SageMaker endpoint for the classifier: model, endpoint config with data capture (images as
 * base64, JSON as JSON) to the bucket's `data_capture/` prefix, the endpoint, and target-tracking
 * autoscaling on invocations per instance.
 */
export class ClassifierEndpoint extends Construct {
  readonly endpointName: string;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ClassifierEndpointProps) {
    super(scope, id);
    const artifact = /^s3:\/\/([^/]+)\/(.+)$/.exec(props.modelDataUrl);
    if (!artifact)
      throw new Error(`modelDataUrl must be s3://bucket/key, got "${props.modelDataUrl}".`);
    const [, artifactBucket, artifactKey] = artifact;
    const minInstances = props.initialInstanceCount ?? 1;

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: 'Runs the Scones classifier model and writes its data capture',
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${artifactBucket}/${artifactKey}`],
      }),
    );
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [props.bucket.arnForObjects(`${DATA_CAPTURE.prefix}/*`)],
      }),
    );
    grantAlgorithmContainer(this.role, `Endpoints/${props.endpointName}:*`);

    acknowledge(
      this.role,
      `AwsSolutions-IAM5[Resource::${objectsFinding(props.bucket, `${DATA_CAPTURE.prefix}/*`)}]`,
      'Data capture writes files with generated names, under the data_capture/ prefix only.',
    );

    const model = new sagemaker.CfnModel(this, 'Model', {
      executionRoleArn: this.role.roleArn,
      primaryContainer: {
        image: props.image ?? imageClassificationAlgorithmImage(this),
        modelDataUrl: props.modelDataUrl,
      },
    });
    model.node.addDependency(this.role);
    const config = new sagemaker.CfnEndpointConfig(this, 'Config', {
      productionVariants: [
        {
          variantName: DEFAULT_VARIANT_NAME,
          modelName: model.attrModelName,
          initialInstanceCount: minInstances,
          instanceType: props.instanceType ?? 'ml.m5.large',
          initialVariantWeight: 1,
        },
      ],
      dataCaptureConfig: {
        enableCapture: true,
        initialSamplingPercentage: props.dataCapturePercentage ?? DATA_CAPTURE.samplingPercentage,
        destinationS3Uri: props.bucket.s3UrlForObject(DATA_CAPTURE.prefix),
        captureOptions: DATA_CAPTURE.captureModes.map((captureMode) => ({ captureMode })),
        // Listed types are captured as text; everything else (the images) as base64.
        captureContentTypeHeader: {
          jsonContentTypes: [...DATA_CAPTURE.jsonContentTypes],
          csvContentTypes: [...DATA_CAPTURE.csvContentTypes],
        },
      },
    });
    const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', {
      endpointName: props.endpointName,
      endpointConfigName: config.attrEndpointConfigName,
    });
    this.endpointName = endpoint.attrEndpointName;

    const scaling = new appscaling.ScalableTarget(this, 'Scaling', {
      serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER,
      resourceId: `endpoint/${props.endpointName}/variant/${DEFAULT_VARIANT_NAME}`,
      scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      minCapacity: minInstances,
      maxCapacity: Math.max(minInstances, props.maxInstanceCount ?? 4),
    });
    scaling.node.addDependency(endpoint);
    scaling.scaleToTrackMetric('InvocationsPerInstance', {
      predefinedMetric: appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
      targetValue: props.invocationsPerInstance ?? 600,
    });
  }
}
