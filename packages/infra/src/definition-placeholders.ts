import type { BatchOptions, ImageClassificationOptions } from '@scones/workflow';

/** Placeholders in the definitions, replaced by CloudFormation through DefinitionSubstitutions. */
export const DEFINITION_PLACEHOLDERS = {
  functions: {
    serialize: '${SerializeFunctionArn}',
    classify: '${ClassifyFunctionArn}',
    threshold: '${ThresholdFunctionArn}',
  },
  reviewQueueUrl: '${ReviewQueueUrl}',
  /** Not in the definition: the review task's permission names the queue by it. */
  reviewQueueArn: '${ReviewQueueArn}',
  reviewTopicArn: '${ReviewTopicArn}',
  resultsBucket: '${ResultsBucket}',
} as const;

/** Where low-confidence results go, as the definitions are built: fail, or a queue or topic. */
export type ReviewKind = 'fail' | 'queue' | 'topic';

/** The batch state machine's settings. */
export interface BatchProps {
  /** Child executions at once. Default 100 (Step Functions allows up to 10,000). */
  maxConcurrency?: number;
  /** The run fails when more than this share of images fail. Default 10. */
  toleratedFailurePercentage?: number;
  /** Where results are written in the bucket. Default `batch-results`. */
  resultsPrefix?: string;
  /** Restrict listing to keys under this prefix (e.g. `incoming/`). Default: the whole bucket. */
  inputPrefix?: string;
}

/**
 * The @scones/workflow options the construct builds its definition from, with the ARNs as
 * placeholders: a test (or a reviewer) can build the same definition and compare.
 *
 * @example
 * buildImageClassificationDefinition(workflowDefinitionOptions('queue'));
 */
export function workflowDefinitionOptions(review: ReviewKind): ImageClassificationOptions {
  const { functions, reviewQueueUrl, reviewQueueArn, reviewTopicArn } = DEFINITION_PLACEHOLDERS;
  if (review === 'fail') return { functions: { ...functions }, lowConfidence: { mode: 'fail' } };
  return {
    functions: { ...functions },
    lowConfidence: {
      mode: 'review',
      target:
        review === 'queue'
          ? { queueUrl: reviewQueueUrl, queueArn: reviewQueueArn }
          : { topicArn: reviewTopicArn },
    },
  };
}

/**
 * The @scones/workflow options of the batch definition, with placeholders, as the construct
 * builds it; the results and the listing are in the workflow's bucket.
 *
 * @example
 * buildBatchDefinition(batchDefinitionOptions('fail', { resultsPrefix: 'batch-results' }));
 */
export function batchDefinitionOptions(review: ReviewKind, batch: BatchProps = {}): BatchOptions {
  const single = workflowDefinitionOptions(review);
  const bucket = DEFINITION_PLACEHOLDERS.resultsBucket;
  return {
    ...single,
    // In a batch a low-confidence photo is a result; only errors count against the tolerance.
    lowConfidence: review === 'fail' ? { mode: 'result' } : single.lowConfidence,
    results: { bucket, prefix: batch.resultsPrefix ?? 'batch-results' },
    source: { bucket, ...(batch.inputPrefix ? { prefix: batch.inputPrefix } : {}) },
    maxConcurrency: batch.maxConcurrency,
    toleratedFailurePercentage: batch.toleratedFailurePercentage,
  };
}
