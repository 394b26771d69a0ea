import type { ImageClassificationOptions } from '../image-classification/options.js';

/** Options of {@link buildBatchDefinition}. */
export interface BatchOptions extends ImageClassificationOptions {
  /** Where the Map run writes its results (ResultWriter). */
  results: { bucket: string; prefix: string };
  /** Child executions at once. Default 100 (Step Functions allows up to 10,000). */
  maxConcurrency?: number;
  /** The run fails when more than this share (percent) of images fail. Default 10. */
  toleratedFailurePercentage?: number;
  /** The run fails when more than this many images fail. Default: no count limit. */
  toleratedFailureCount?: number;
  /** Read at most this many objects from the prefix. Default: all. */
  maxItems?: number;
  /**
   * The bucket (and key prefix) executions may list. The definition reads the bucket and prefix
   * from the execution input; this limits what the permissions allow. Default: any bucket.
   */
  source?: { bucket: string; prefix?: string };
}

export const DEFAULT_BATCH_MAX_CONCURRENCY = 100;
export const DEFAULT_TOLERATED_FAILURE_PERCENTAGE = 10;

/** The Map state of the batch definition, by name. */
export const BATCH_MAP_STATE = 'Classify each image';

/**
 * The batch machine's own name, in its permissions (a Distributed Map starts its child
 * executions on itself): the deployment fills it in like the definition's placeholders.
 */
export const OWN_STATE_MACHINE_NAME = '${StateMachineName}';
