import { DATA_CAPTURE } from '@scones/contracts';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface WorkflowBucketProps {
  /** Days data-capture files are kept. Default 90. */
  captureRetentionDays?: number;
}

/**
 * The bucket delivery photos land in, when the construct creates it: encrypted (SSE-S3),
 * TLS 1.2 or later only, public access blocked, versioned (a photo overwritten by mistake can be recovered;
 * old versions expire after 30 days), data capture expiring after 90 days, and server access
 * logs to a second bucket.
 */
export class WorkflowBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: WorkflowBucketProps = {}) {
    super(scope, id);
    const secure = {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...secure,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...secure,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'photos/',
      lifecycleRules: [
        {
          id: 'ExpireDataCapture',
          prefix: `${DATA_CAPTURE.prefix}/`,
          expiration: Duration.days(props.captureRetentionDays ?? 90),
        },
        { id: 'ExpireOldVersions', noncurrentVersionExpiration: Duration.days(30) },
      ],
    });
  }
}
