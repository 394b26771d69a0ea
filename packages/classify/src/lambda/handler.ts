import {
  readClassifiablePayload,
  toEnvelope,
  type Envelope,
  type Environment,
  type ObjectReader,
} from '@scones/contracts';
import { createS3ObjectReader, s3ReaderOptionsFromEnvironment } from '@scones/s3-reader';
import { classifyImage, type ClassifiedImagePayload } from '../core/classify-image.js';
import type { EndpointInvoker } from '../core/endpoint-invoker.js';
import {
  DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
  readClassifyConfig,
  type ClassifyConfig,
} from './config.js';
import { sageMakerRuntimeClient } from './sagemaker-client.js';
import { createSageMakerInvoker } from './sagemaker-invoker.js';

/** A classify Lambda handler: any accepted input shape in, the envelope out. */
export type ClassifyHandler = (event: unknown) => Promise<Envelope<ClassifiedImagePayload>>;

/**
 * Builds a handler from explicit settings and ports (for tests and in-process use).
 *
 * @example
 * const handle = createClassifyHandler(readClassifyConfig({ ENDPOINT_NAME: 'scones-classifier' }), invokeEndpoint, readObject);
 */
export function createClassifyHandler(
  config: ClassifyConfig,
  invokeEndpoint: EndpointInvoker,
  readObject: ObjectReader,
): ClassifyHandler {
  return async (event) =>
    toEnvelope(
      await classifyImage(readClassifiablePayload(event), {
        invokeEndpoint,
        readObject,
        labels: config.labels,
        maxImageBytes: config.maxImageBytes,
      }),
      config.bodyFormat,
    );
}

/**
 * Builds the handler from an environment (Lambda's, or one of your own): its settings, a
 * SageMaker runtime client and an S3 reader for the region, credentials and endpoints it names
 * (`AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME`, `AWS_ENDPOINT_URL_S3`). Nothing is read from
 * `process.env` and nothing is shared with other handlers.
 *
 * @throws InvalidConfigurationError naming a setting that is missing or wrong (`ENDPOINT_NAME`).
 * @example
 * const handle = classifyHandlerFromEnvironment({ ENDPOINT_NAME: 'scones-classifier', AWS_REGION: 'eu-west-1' });
 */
export function classifyHandlerFromEnvironment(env: Environment): ClassifyHandler {
  const config = readClassifyConfig(env);
  const runtime = sageMakerRuntimeClient(
    env,
    config.endpointAttemptTimeoutMs ?? DEFAULT_ENDPOINT_ATTEMPT_TIMEOUT_MS,
  );
  // Only images too large to inline are read here; the reader stands in for the SDK's S3 client.
  const readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(env));
  return createClassifyHandler(
    config,
    createSageMakerInvoker(runtime, config.endpointName),
    readObject,
  );
}
