import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { readImagePayload, toEnvelope, type Envelope, type ObjectReader } from '@scones/contracts';
import { createS3ObjectReader, s3ReaderOptionsFromEnvironment } from '@scones/s3-reader';
import { classifyImage, type ClassifiedImagePayload } from '../core/classify-image.js';
import type { EndpointInvoker } from '../core/endpoint-invoker.js';
import {
  DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
  ENDPOINT_CONNECT_TIMEOUT_MS,
  readClassifyConfig,
  type ClassifyConfig,
} from './config.js';
import { createSageMakerInvoker } from './sagemaker-invoker.js';

/** A classify Lambda handler: any accepted input shape in, the envelope out. */
export type ClassifyHandler = (event: unknown) => Promise<Envelope<ClassifiedImagePayload>>;

/**
 * Builds a handler from explicit settings and ports (for tests and in-process use).
 *
 * @example
 * const handle = createClassifyHandler(readClassifyConfig(env), invokeEndpoint, readObject);
 */
export function createClassifyHandler(
  config: ClassifyConfig,
  invokeEndpoint: EndpointInvoker,
  readObject: ObjectReader,
): ClassifyHandler {
  return async (event) =>
    toEnvelope(
      await classifyImage(readImagePayload(event), {
        invokeEndpoint,
        readObject,
        labels: config.labels,
        maxImageBytes: config.maxImageBytes,
      }),
    );
}

// Read once per container: a missing ENDPOINT_NAME fails the cold start with a clear message.
const config = readClassifyConfig(process.env);
// Region, credentials and AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME / AWS_ENDPOINT_URL_S3 come from
// the AWS SDK's standard variables.
// Each attempt is capped so that the SDK's attempts, with a read from S3 before them, end before
// the function's 45 s timeout (which itself ends before the state's 60 s).
// (AWS_MAX_ATTEMPTS, when set, overrides the SDK's ENDPOINT_MAX_ATTEMPTS.)
const runtime = new SageMakerRuntimeClient({
  requestHandler: {
    connectionTimeout: ENDPOINT_CONNECT_TIMEOUT_MS,
    requestTimeout: config.endpointAttemptTimeoutMs ?? DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  },
});
// Only images too large to inline are read here; the reader stands in for the SDK's S3 client.
const readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(process.env));

/** The Lambda entry point (`@scones/classify/lambda`, export `handler`). */
export const handler: ClassifyHandler = createClassifyHandler(
  config,
  createSageMakerInvoker(runtime, config.endpointName),
  readObject,
);
