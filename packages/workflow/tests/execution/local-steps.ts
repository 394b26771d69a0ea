// The three real step adapters, in process, against real local servers: s3rver for S3 and an
// HTTP server speaking the SageMaker runtime protocol. The adapters are configured only through
// the AWS SDK's standard environment variables, as on Lambda.
import type { LambdaHandler } from '@scones/executor';
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
  stop(): Promise<void>;
}

export async function startLocalSteps(): Promise<LocalSteps> {
  const s3 = await startLocalS3([BUCKET]);
  const sagemaker = await startSageMakerRuntimeServer(probabilities(0.97, 0.03));
  Object.assign(process.env, s3.env, {
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: sagemaker.endpoint,
    ENDPOINT_NAME: 'scones-classifier',
    // The state machine's retries are under test, not the SDK's.
    AWS_MAX_ATTEMPTS: '1',
  });
  const [serialize, classify, threshold] = await Promise.all([
    import('@scones/serialize/lambda'),
    import('@scones/classify/lambda'),
    import('@scones/threshold/lambda'),
  ]);
  return {
    s3,
    sagemaker,
    lambdas: {
      'scones-serialize': serialize.handler,
      [FUNCTION_NAMES.classify]: classify.handler,
      [FUNCTION_NAMES.threshold]: threshold.handler,
    },
    async stop() {
      await sagemaker.stop();
      await s3.stop();
    },
  };
}
