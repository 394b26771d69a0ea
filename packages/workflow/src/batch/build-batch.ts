import type { MapState, StateMachineDefinition } from '../asl/types.js';
import { buildImageClassificationStates } from '../image-classification/build.js';
import {
  BATCH_MAP_STATE,
  DEFAULT_BATCH_MAX_CONCURRENCY,
  DEFAULT_TOLERATED_FAILURE_PERCENTAGE,
  type BatchOptions,
} from './batch-options.js';

/**
 * The batch workflow: a Distributed Map that lists an S3 prefix (ItemReader, ListObjectsV2),
 * turns each object into the single-image input (ItemSelector), and runs the single-image
 * states (the same ones, built by the same code) as EXPRESS child executions, with
 * MaxConcurrency, tolerated failures and a ResultWriter. A low-confidence image is a result
 * (`status: "below_threshold"`) unless `lowConfidence` says otherwise, so only errors count
 * against the tolerated failures. Input:
 * `{ "s3_bucket": "scones-images", "s3_prefix": "incoming/2026-11-27/" }`.
 *
 * @example
 * buildBatchDefinition({
 *   functions: { serialize: '${SerializeArn}', classify: '${ClassifyArn}', threshold: '${ThresholdArn}' },
 *   results: { bucket: '${ResultsBucket}', prefix: 'batch-results' },
 *   maxConcurrency: 500,
 * });
 */
export function buildBatchDefinition(options: BatchOptions): StateMachineDefinition {
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
      ...buildImageClassificationStates({
        ...options,
        lowConfidence: options.lowConfidence ?? { mode: 'result' },
      }),
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
  return {
    Comment:
      options.comment ??
      'Scones batch classification: every photo under an S3 prefix, in parallel.',
    ...(options.executionTimeoutSeconds ? { TimeoutSeconds: options.executionTimeoutSeconds } : {}),
    StartAt: BATCH_MAP_STATE,
    States: { [BATCH_MAP_STATE]: map },
  };
}
