import type { TaskState } from '../asl/types.js';

/**
 * What one task needs IAM to allow, as plain data next to the ASL that needs it; a deployment
 * (the infra package, or a reviewer) turns it into a policy statement. Resources are ARNs in the
 * notation of CloudFormation's `Fn::Sub`: `${AWS::Partition}`, `${AWS::Region}` and
 * `${AWS::AccountId}` are the machine's own, and any other `${Name}` is one of the definition's
 * placeholders, filled in as the definition's are.
 *
 * @example
 * const invoke: TaskPermission = {
 *   actions: ['lambda:InvokeFunction'],
 *   resources: ['${SerializeFunctionArn}'],
 * };
 */
export interface TaskPermission {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** IAM condition operators to keys to values, e.g. `{ StringLike: { 's3:prefix': ['incoming/*'] } }`. */
  readonly conditions?: Readonly<
    Record<string, Readonly<Record<string, string | readonly string[]>>>
  >;
  /** Why a resource ends in a wildcard (names made at run time): required when one does. */
  readonly wildcardReason?: string;
}

/** A Task state and the permissions it needs, as a task builder returns them. */
export interface TaskWithPermissions {
  readonly state: TaskState;
  readonly permissions: readonly TaskPermission[];
}

/**
 * An ARN in the account and region the state machine runs in.
 *
 * @example
 * arnInAccount('sagemaker', 'training-job/scones-*');
 * // 'arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:training-job/scones-*'
 */
export function arnInAccount(service: string, resource: string): string {
  return `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`;
}

/**
 * An S3 ARN: the bucket, or the objects matching a key pattern in it.
 *
 * @example
 * s3Arn('${ResultsBucket}', 'batch-results/*'); // 'arn:${AWS::Partition}:s3:::${ResultsBucket}/batch-results/*'
 */
export function s3Arn(bucket: string, keyPattern?: string): string {
  return `arn:\${AWS::Partition}:s3:::${bucket}${keyPattern === undefined ? '' : `/${keyPattern}`}`;
}
