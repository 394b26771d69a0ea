import { readImagePayload, toEnvelope, type Envelope, type ObjectReader } from '@scones/contracts';
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
 * const handle = createSerializeHandler(readSerializeConfig(process.env), readObject);
 * await handle({ s3_bucket: 'scones-images', s3_key: 'test/bicycle.png' });
 */
export function createSerializeHandler(
  config: SerializeConfig,
  readObject: ObjectReader,
): SerializeHandler {
  return async (event) =>
    toEnvelope(await serializeImage(readImagePayload(event), { ...config, readObject }));
}

// Read once per container: a bad setting fails the cold start with a clear message.
const config = readSerializeConfig(process.env);
// Region, credentials and AWS_ENDPOINT_URL_S3 come from the AWS SDK's standard variables. The
// reader's three attempts of at most 5 s each end before the function's 20 s timeout; it stands
// in for the SDK's S3 client, which would be most of this function's cold start.
const readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(process.env));

/** The Lambda entry point (`@scones/serialize/lambda`, export `handler`). */
export const handler: SerializeHandler = createSerializeHandler(config, readObject);
