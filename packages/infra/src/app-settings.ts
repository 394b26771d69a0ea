import { DEFAULT_ENDPOINT_NAME } from '@scones/contracts';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { ImageClassificationWorkflowProps } from './image-classification-workflow.js';

/** What the CDK app deploys, from context values (`-c key=value` or cdk.json's "context"). */
export interface AppSettings {
  stackName: string;
  /**
   * Where the stack is pinned, when `-c account=` or `-c region=` say so. Default: nowhere, so
   * the template serves any account and region (`cdk deploy` deploys it where the credentials
   * point).
   */
  env?: { account?: string; region?: string };
  /** An existing bucket to use instead of creating one. */
  bucketName?: string;
  workflow: Omit<ImageClassificationWorkflowProps, 'bucket'>;
}

/**
 * A context value the app cannot deploy: the message names the key, what it got and what it
 * takes, in one line (`cdk synth` prints it without a stack trace).
 */
export class AppSettingsError extends Error {
  override readonly name = 'AppSettingsError';
}

type Context = (key: string) => unknown;

const RETENTION_DAYS = Object.values(logs.RetentionDays).filter(
  (days): days is number => typeof days === 'number',
);

function text(context: Context, key: string): string | undefined {
  const value = context(key);
  return value === undefined || value === null || value === '' ? undefined : String(value);
}

function refuse(key: string, value: unknown, allowed: string): never {
  throw new AppSettingsError(`Context value ${key}=${String(value)} is not allowed: ${allowed}.`);
}

function matching(context: Context, key: string, pattern: RegExp, allowed: string) {
  const value = text(context, key);
  if (value !== undefined && !pattern.test(value)) refuse(key, value, allowed);
  return value;
}

function number(context: Context, key: string, min: number, max: number, whole: boolean) {
  const value = text(context, key);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  const allowed = `${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`;
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) refuse(key, value, allowed);
  if (whole && !Number.isInteger(parsed)) refuse(key, value, allowed);
  return parsed;
}

/**
 * Reads the app's settings, each checked at synth against what the service will accept, so that
 * a bad value fails `cdk synth` in one line rather than every cold start or the deploy. With
 * `modelDataUrl` the stack creates the endpoint from that model; without it, it uses the
 * existing endpoint `endpointName` (default `scones-classifier`).
 *
 * @throws AppSettingsError naming the key and the values it takes.
 * @example
 * readAppSettings((key) => app.node.tryGetContext(key));
 */
export function readAppSettings(context: Context): AppSettings {
  const endpointName =
    matching(
      context,
      'endpointName',
      // CreateEndpoint's EndpointName.
      /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/,
      'letters, digits and hyphens, up to 63, starting and ending with a letter or digit',
    ) ?? DEFAULT_ENDPOINT_NAME;
  const modelDataUrl = matching(
    context,
    'modelDataUrl',
    /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/,
    'an s3://bucket/key URI of a model.tar.gz',
  );
  const lowConfidence = text(context, 'lowConfidence') ?? 'fail';
  if (lowConfidence !== 'fail' && lowConfidence !== 'review')
    refuse('lowConfidence', lowConfidence, 'fail or review');
  const retentionDays = number(context, 'logRetentionDays', 1, 3653, true);
  if (retentionDays !== undefined && !RETENTION_DAYS.includes(retentionDays))
    refuse(
      'logRetentionDays',
      retentionDays,
      `one CloudWatch Logs accepts: ${RETENTION_DAYS.join(', ')}`,
    );
  const initialInstanceCount = number(context, 'initialInstanceCount', 1, 100, true);
  const maxInstanceCount = number(context, 'maxInstanceCount', 1, 100, true);
  if (
    initialInstanceCount !== undefined &&
    maxInstanceCount !== undefined &&
    maxInstanceCount < initialInstanceCount
  )
    refuse(
      'maxInstanceCount',
      maxInstanceCount,
      `at least initialInstanceCount (${initialInstanceCount})`,
    );
  const account = matching(context, 'account', /^\d{12}$/, 'a 12-digit AWS account id');
  const region = matching(
    context,
    'region',
    /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
    'an AWS region such as eu-west-1',
  );
  return {
    ...(account || region ? { env: { account, region } } : {}),
    stackName:
      matching(
        context,
        'stackName',
        // CloudFormation's stack names.
        /^[A-Za-z][A-Za-z0-9-]{0,127}$/,
        'a letter, then letters, digits and hyphens, up to 128',
      ) ?? 'SconesWorkflow',
    bucketName: matching(
      context,
      'bucketName',
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens',
    ),
    workflow: {
      endpoint: modelDataUrl
        ? {
            endpointName,
            model: {
              modelDataUrl,
              image: text(context, 'modelImage'),
              instanceType: matching(
                context,
                'instanceType',
                /^ml\.[a-z0-9]+\.[a-z0-9]+$/,
                'a SageMaker instance type such as ml.m5.large',
              ),
              initialInstanceCount,
              maxInstanceCount,
            },
          }
        : { existingEndpointName: endpointName },
      // The threshold function refuses anything else at every cold start.
      threshold: number(context, 'threshold', 0, 1, false),
      lowConfidence: { mode: lowConfidence },
      logRetention: retentionDays as logs.RetentionDays | undefined,
    },
  };
}
