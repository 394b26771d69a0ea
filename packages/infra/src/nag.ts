import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag AwsSolutions finding on a construct and what it contains, with the
 * reason it is right here. `finding` is the rule and, for rules with several findings per
 * resource, the finding: `AwsSolutions-IAM5[Resource::*]`.
 */
export function acknowledge(scope: IConstruct, finding: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::${finding}`, reason });
}

/**
 * How cdk-nag names the objects under a key pattern of a bucket, created in this app
 * (`<Logical.Arn>/pattern`) or imported by name (`arn:<AWS::Partition>:s3:::name/pattern`).
 */
export function objectsFinding(bucket: IBucket, pattern: string): string {
  const resource = bucket.node.defaultChild;
  if (resource instanceof CfnElement)
    return `<${Stack.of(bucket).getLogicalId(resource)}.Arn>/${pattern}`;
  return `arn:<AWS::Partition>:s3:::${bucket.bucketName}/${pattern}`;
}
