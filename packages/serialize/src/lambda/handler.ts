import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  objectReaderFromGetObject,
  readImagePayload,
  toEnvelope,
  type Envelope,
  type ObjectReader,
} from '@scones/contracts';
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
// Region, credentials and AWS_ENDPOINT_URL_S3 come from the SDK's standard configuration. Each
// attempt is capped so that the SDK's three attempts end before the function's 20 s timeout.
const s3 = new S3Client({
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
});

/** The Lambda entry point (`@scones/serialize/lambda`, export `handler`). */
export const handler: SerializeHandler = createSerializeHandler(
  config,
  objectReaderFromGetObject((input) => s3.send(new GetObjectCommand(input))),
);
