// The three real step adapters, in process, against real local servers: s3rver for S3 and an
// HTTP server speaking the SageMaker runtime protocol. The adapters are configured only through
// the AWS SDK's standard environment variables, as on Lambda (given to them, not set on the process).
import { classifyHandlerFromEnvironment } from '@scones/classify/lambda';
import type { LambdaHandler } from '@scones/executor';
import { serializeHandlerFromEnvironment } from '@scones/serialize/lambda';
import { thresholdHandlerFromEnvironment } from '@scones/threshold/lambda';
import { startLocalS3, type LocalS3 } from '../../../../tools/testing/local-s3';
import {
  probabilities,
  startSageMakerRuntimeServer,
  type SageMakerRuntimeServer,
} from '../../../../tools/testing/sagemaker-runtime-server';

export const BUCKET = 'scones-images';

/** Function names as a definition refers to them (any string works: ARNs, CDK tokens). */
export const FUNCTION_NAMES = {
  serialize: 'arn:aws:lambda:eu-west-1:123456789012:function:scones-serialize',
  classify: 'scones-classify',
  threshold: 'scones-threshold',
};

export interface LocalSteps {
  s3: LocalS3;
  sagemaker: SageMakerRuntimeServer;
  lambdas: Record<string, LambdaHandler>;
  /** Our three handlers, built from this environment with some settings added (BODY_FORMAT). */
  ours(
    settings: Record<string, string>,
  ): Record<'serialize' | 'classify' | 'threshold', LambdaHandler>;
  stop(): Promise<void>;
}

export async function startLocalSteps(): Promise<LocalSteps> {
  const s3 = await startLocalS3([BUCKET]);
  const sagemaker = await startSageMakerRuntimeServer(probabilities(0.97, 0.03));
  const env = {
    ...s3.env,
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: sagemaker.endpoint,
    ENDPOINT_NAME: 'scones-classifier',
    // The state machine's retries are under test, not the SDK's.
    AWS_MAX_ATTEMPTS: '1',
  };
  return {
    s3,
    sagemaker,
    lambdas: {
      'scones-serialize': serializeHandlerFromEnvironment(env),
      [FUNCTION_NAMES.classify]: classifyHandlerFromEnvironment(env),
      [FUNCTION_NAMES.threshold]: thresholdHandlerFromEnvironment(env),
    },
    ours: (settings) => ({
      serialize: serializeHandlerFromEnvironment({ ...env, ...settings }),
      classify: classifyHandlerFromEnvironment({ ...env, ...settings }),
      threshold: thresholdHandlerFromEnvironment({ ...env, ...settings }),
    }),
    async stop() {
      await sagemaker.stop();
      await s3.stop();
    },
  };
}
