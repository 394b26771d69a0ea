import * as logs from 'aws-cdk-lib/aws-logs';
import type { ImageClassificationWorkflowProps } from './image-classification-workflow.js';

/** What the CDK app deploys, from context values (`-c key=value` or cdk.json's "context"). */
export interface AppSettings {
  stackName: string;
  /** An existing bucket to use instead of creating one. */
  bucketName?: string;
  workflow: Omit<ImageClassificationWorkflowProps, 'bucket'>;
}

type Context = (key: string) => unknown;

function text(context: Context, key: string): string | undefined {
  const value = context(key);
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

function number(context: Context, key: string): number | undefined {
  const value = text(context, key);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed))
    throw new Error(`Context value ${key} must be a number; got "${value}".`);
  return parsed;
}

/**
 * Reads the app's settings. With `modelDataUrl` the stack creates the endpoint from that model;
 * without it, it uses the existing endpoint `endpointName` (default `scones-classifier`).
 *
 * @example
 * readAppSettings((key) => app.node.tryGetContext(key));
 */
export function readAppSettings(context: Context): AppSettings {
  const endpointName = text(context, 'endpointName') ?? 'scones-classifier';
  const modelDataUrl = text(context, 'modelDataUrl');
  const lowConfidence = text(context, 'lowConfidence') ?? 'fail';
  if (lowConfidence !== 'fail' && lowConfidence !== 'review') {
    throw new Error(`Context value lowConfidence must be fail or review; got "${lowConfidence}".`);
  }
  const retentionDays = number(context, 'logRetentionDays');
  if (retentionDays !== undefined && !Object.values(logs.RetentionDays).includes(retentionDays)) {
    throw new Error(
      `Context value logRetentionDays must be one CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...); got ${retentionDays}.`,
    );
  }
  return {
    stackName: text(context, 'stackName') ?? 'SconesWorkflow',
    bucketName: text(context, 'bucketName'),
    workflow: {
      endpoint: modelDataUrl
        ? {
            endpointName,
            model: {
              modelDataUrl,
              image: text(context, 'modelImage'),
              instanceType: text(context, 'instanceType'),
              initialInstanceCount: number(context, 'initialInstanceCount'),
              maxInstanceCount: number(context, 'maxInstanceCount'),
            },
          }
        : { existingEndpointName: endpointName },
      threshold: number(context, 'threshold'),
      lowConfidence: { mode: lowConfidence },
      logRetention: retentionDays as logs.RetentionDays | undefined,
    },
  };
}
