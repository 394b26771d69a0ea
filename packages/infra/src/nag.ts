import { Stack, Validations } from 'aws-cdk-lib';
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
 * How cdk-nag names a resource in its findings: the resolved value flattened, a reference
 * written `<LogicalId>` and an attribute `<LogicalId.Attr>`.
 *
 * @example
 * findingOf(role, bucket.arnForObjects('data_capture/*')); // '<PhotosBucket1234ABCD.Arn>/data_capture/*'
 */
export function findingOf(scope: IConstruct, value: string): string {
  return flatten(Stack.of(scope).resolve(value));
}

function flatten(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (node && typeof node === 'object') {
    if ('Fn::Join' in node) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map(flatten).join(separator);
    }
    if ('Fn::GetAtt' in node) {
      const [resource, attribute] = node['Fn::GetAtt'] as [string, string];
      return `<${resource}.${attribute}>`;
    }
    if ('Ref' in node) return `<${String(node.Ref)}>`;
  }
  return JSON.stringify(node);
}

/** How cdk-nag names the objects under a key pattern of a bucket. */
export function objectsFinding(bucket: IBucket, pattern: string): string {
  return findingOf(bucket, bucket.arnForObjects(pattern));
}
