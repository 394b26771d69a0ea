import { readEnvelope } from './envelope.js';
import {
  parseImagePayload,
  requireLocation,
  type ImagePayload,
  type LocatedImagePayload,
} from './payload.js';

/**
 * Reads the input of a step that fetches the image (serialize): any accepted shape, with
 * `s3_bucket` and `s3_key` (or their aliases).
 *
 * @throws InvalidEventError naming every field that is missing or wrong.
 * @example
 * const payload = readImagePayload({ statusCode: 200, body: { bucket: 'b', key: 'k.png' } });
 * payload.s3_key; // 'k.png'
 */
export function readImagePayload(event: unknown): LocatedImagePayload {
  return requireLocation(parseImagePayload(readEnvelope(event)));
}

/**
 * Reads the input of a step that needs the image's bytes (classify): inline as base64 in
 * `image_data`, or where to read them.
 *
 * @throws InvalidEventError when there is neither.
 * @example
 * readClassifiablePayload({ body: { image_data: 'iVBORw0KGgo...' } }).image_data;
 */
export function readClassifiablePayload(event: unknown): ImagePayload {
  const payload = parseImagePayload(readEnvelope(event));
  return payload.image_data === '' ? requireLocation(payload) : payload;
}

/**
 * Reads the input of a step that needs only the probabilities (threshold): where the image is
 * is carried when present, not required.
 *
 * @throws InvalidEventError when a field has the wrong type.
 * @example
 * readInferencePayload({ statusCode: 200, body: '[0.99, 0.01]' }).inferences; // [0.99, 0.01]
 */
export function readInferencePayload(event: unknown): ImagePayload {
  return parseImagePayload(readEnvelope(event));
}
