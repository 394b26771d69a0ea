import type { MapState, StateMachineDefinition } from '../asl/types.js';
import { imageClassificationStates } from '../image-classification/build.js';
import {
  collectStates,
  type DefinitionWithPermissions,
} from '../permissions/definition-with-permissions.js';
import { arnInAccount, s3Arn, type TaskPermission } from '../permissions/task-permission.js';
import {
  BATCH_MAP_STATE,
  DEFAULT_BATCH_MAX_CONCURRENCY,
  DEFAULT_TOLERATED_FAILURE_PERCENTAGE,
  OWN_STATE_MACHINE_NAME,
  type BatchOptions,
} from './batch-options.js';

/**
 * The batch workflow: a Distributed Map that lists an S3 prefix (ItemReader, ListObjectsV2),
 * turns each object into the single-image input (ItemSelector), and runs the single-image
 * states (the same ones, built by the same code) as EXPRESS child executions, with
 * MaxConcurrency, tolerated failures and a ResultWriter. A low-confidence image is a result
 * (`status: "below_threshold"`) unless `lowConfidence` says otherwise, so only errors count
 * against the tolerated failures. Input:
 * `{ "s3_bucket": "scones-images", "s3_prefix": "incoming/2026-11-27/" }`. Beside the
 * definition, the permissions of the Map (its child executions, the listing, the results) and of
 * the single-image tasks its children run with the same role.
 *
 * @example
 * const { definition, permissions } = buildBatchWorkflow({
 *   functions: { serialize: '${SerializeArn}', classify: '${ClassifyArn}', threshold: '${ThresholdArn}' },
 *   results: { bucket: '${ResultsBucket}', prefix: 'batch-results' },
 *   source: { bucket: '${ResultsBucket}', prefix: 'incoming/' },
 *   maxConcurrency: 500,
 * });
 */
export function buildBatchWorkflow(options: BatchOptions): DefinitionWithPermissions {
  const items = imageClassificationStates({
    ...options,
    lowConfidence: options.lowConfidence ?? { mode: 'result' },
  });
  const map: MapState = {
    Type: 'Map',
    Comment: 'One child execution per object under the prefix; results go to ResultWriter.',
    Label: 'ClassifyEachImage',
    ItemReader: {
      Resource: 'arn:aws:states:::s3:listObjectsV2',
      Parameters: { 'Bucket.$': '$.s3_bucket', 'Prefix.$': '$.s3_prefix' },
      ...(options.maxItems ? { ReaderConfig: { MaxItems: options.maxItems } } : {}),
    },
    ItemSelector: {
      's3_bucket.$': '$.s3_bucket',
      's3_key.$': '$$.Map.Item.Value.Key',
      image_data: '',
    },
    ItemProcessor: {
      ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
      StartAt: items.StartAt,
      States: items.States,
    },
    MaxConcurrency: options.maxConcurrency ?? DEFAULT_BATCH_MAX_CONCURRENCY,
    ToleratedFailurePercentage:
      options.toleratedFailurePercentage ?? DEFAULT_TOLERATED_FAILURE_PERCENTAGE,
    ...(options.toleratedFailureCount === undefined
      ? {}
      : { ToleratedFailureCount: options.toleratedFailureCount }),
    ResultWriter: {
      Resource: 'arn:aws:states:::s3:putObject',
      Parameters: { Bucket: options.results.bucket, Prefix: options.results.prefix },
    },
    End: true,
  };
  const { States, permissions } = collectStates(
    { [BATCH_MAP_STATE]: map },
    distributedMapPermissions(options),
    items.permissions,
  );
  return {
    definition: {
      Comment:
        options.comment ??
        'Scones batch classification: every photo under an S3 prefix, in parallel.',
      ...(options.executionTimeoutSeconds
        ? { TimeoutSeconds: options.executionTimeoutSeconds }
        : {}),
      StartAt: BATCH_MAP_STATE,
      States,
    },
    permissions,
  };
}

/**
 * The definition of {@link buildBatchWorkflow} alone.
 *
 * @example
 * buildBatchDefinition({
 *   functions: { serialize: '${SerializeArn}', classify: '${ClassifyArn}', threshold: '${ThresholdArn}' },
 *   results: { bucket: '${ResultsBucket}', prefix: 'batch-results' },
 * });
 */
export function buildBatchDefinition(options: BatchOptions): StateMachineDefinition {
  return buildBatchWorkflow(options).definition;
}

// As "IAM policies for using Distributed Map states" lists them: start and follow its own child
// executions, list the bucket the ItemReader reads, write the ResultWriter's files.
function distributedMapPermissions(options: BatchOptions): TaskPermission[] {
  const source = options.source;
  const resultObjects = `${options.results.prefix.replace(/\/$/, '')}/*`;
  return [
    {
      actions: ['states:StartExecution'],
      resources: [arnInAccount('states', `stateMachine:${OWN_STATE_MACHINE_NAME}`)],
    },
    {
      actions: ['states:DescribeExecution', 'states:StopExecution'],
      resources: [arnInAccount('states', `execution:${OWN_STATE_MACHINE_NAME}/*`)],
      wildcardReason:
        'The Distributed Map describes and stops its own child executions, whose names are generated.',
    },
    source
      ? {
          actions: ['s3:ListBucket'],
          resources: [s3Arn(source.bucket)],
          ...(source.prefix
            ? { conditions: { StringLike: { 's3:prefix': [`${source.prefix}*`] } } }
            : {}),
        }
      : {
          actions: ['s3:ListBucket'],
          resources: [s3Arn('*')],
          wildcardReason:
            'The bucket to list comes from the execution input and no source bucket was given.',
        },
    {
      actions: [
        's3:PutObject',
        's3:GetObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
      ],
      resources: [s3Arn(options.results.bucket, resultObjects)],
      wildcardReason:
        'ResultWriter writes files with generated names, under the results prefix only.',
    },
  ];
}
