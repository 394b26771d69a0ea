import {
  readImagePayload,
  toEnvelope,
  type Envelope,
  type Environment,
  type ObjectReader,
} from '@scones/contracts';
import { createS3ObjectReader, s3ReaderOptionsFromEnvironment } from '@scones/s3-reader';
import { serializeImage, type SerializedImagePayload } from '../core/serialize-image.js';
import { readSerializeConfig, type SerializeConfig } from './config.js';

/** A serialize Lambda handler: any accepted input shape in, the envelope out. */
export type SerializeHandler = (event: unknown) => Promise<Envelope<SerializedImagePayload>>;

/**
 * Builds a handler from explicit settings and an object reader (for tests and for services
 * that run the step in process).
 *
 * @example
 * const handle = createSerializeHandler(readSerializeConfig({}), readObject);
 * await handle({ s3_bucket: 'scones-images', s3_key: 'test/bicycle.png' });
 */
export function createSerializeHandler(
  config: SerializeConfig,
  readObject: ObjectReader,
): SerializeHandler {
  return async (event) =>
    toEnvelope(
      await serializeImage(readImagePayload(event), { ...config, readObject }),
      config.bodyFormat,
    );
}

/**
 * Builds the handler from an environment (Lambda's, or one of your own): the settings, and an
 * S3 reader for the region, credentials and `AWS_ENDPOINT_URL_S3` it names. Nothing is read from
 * `process.env` and nothing is shared with other handlers, so two in one process can point at
 * two buckets' endpoints.
 *
 * @throws InvalidConfigurationError naming a setting that is missing or wrong.
 * @example
 * const handle = serializeHandlerFromEnvironment({ AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: '...', AWS_SECRET_ACCESS_KEY: '...' });
 */
export function serializeHandlerFromEnvironment(env: Environment): SerializeHandler {
  // The reader's three attempts of at most 5 s each end before the function's 22 s timeout; it
  // stands in for the SDK's S3 client, which would be most of this function's cold start.
  return createSerializeHandler(
    readSerializeConfig(env),
    createS3ObjectReader(s3ReaderOptionsFromEnvironment(env)),
  );
}
