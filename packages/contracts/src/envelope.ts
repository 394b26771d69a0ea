import { InvalidEventError } from './errors.js';
import { parseImagePayload, type ImagePayload } from './payload.js';

/** What every step Lambda returns: the original system's envelope, with `body` an object. */
export interface Envelope<Body> {
  statusCode: 200;
  body: Body;
}

// A body nested deeper than this is not something any known state machine produces.
const MAX_WRAPPING_DEPTH = 4;

/**
 * Finds the body in any of the shapes existing state machines hand to a step (tolerant reader):
 * the bare body; the `{statusCode, body}` envelope with `body` an object or a JSON string; or
 * the whole result of a `lambda:invoke` task, `{Payload: {statusCode, body}}`.
 *
 * @throws InvalidEventError when no object body can be found.
 * @example
 * readEnvelope({ Payload: { statusCode: 200, body: '{"s3_key":"a.png"}' } }); // { s3_key: 'a.png' }
 */
export function readEnvelope(event: unknown): Record<string, unknown> {
  let current = event;
  for (let depth = 0; depth <= MAX_WRAPPING_DEPTH; depth++) {
    if (typeof current === 'string') current = parseJsonBody(current);
    if (!isPlainObject(current)) {
      throw new InvalidEventError(
        `Invalid event: expected a JSON object, got ${describe(current)}. Send the payload ` +
          `(s3_bucket, s3_key) as an object, a {statusCode, body} envelope or a lambda:invoke result.`,
      );
    }
    if (isInvokeResult(current)) {
      current = current['Payload'];
    } else if (isEnvelope(current)) {
      const statusCode = current['statusCode'];
      if (typeof statusCode === 'number' && (statusCode < 200 || statusCode > 299)) {
        throw new InvalidEventError(
          `Invalid event: the previous step returned statusCode ${statusCode}, not a success.`,
        );
      }
      current = current['body'];
    } else {
      return current;
    }
  }
  throw new InvalidEventError(
    `Invalid event: the body is wrapped more than ${MAX_WRAPPING_DEPTH} levels deep.`,
  );
}

/**
 * Reads and validates a step's input in any accepted shape.
 *
 * @example
 * const payload = readImagePayload({ statusCode: 200, body: { s3_bucket: 'b', s3_key: 'k.png' } });
 */
export function readImagePayload(event: unknown): ImagePayload {
  return parseImagePayload(readEnvelope(event));
}

/**
 * Wraps a body in the envelope every step returns (strict writer).
 *
 * @example
 * toEnvelope({ s3_bucket: 'b', s3_key: 'k.png' }); // { statusCode: 200, body: {...} }
 */
export function toEnvelope<Body extends object>(body: Body): Envelope<Body> {
  return { statusCode: 200, body };
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const preview = text.length > 60 ? `${text.slice(0, 60)}...` : text;
    throw new InvalidEventError(
      `Invalid event: the body is a string that is not JSON ("${preview}").`,
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// `{Payload: ...}` is a lambda:invoke result unless the object already looks like a body.
function isInvokeResult(value: Record<string, unknown>): boolean {
  return 'Payload' in value && !('s3_key' in value) && !('s3_bucket' in value);
}

function isEnvelope(value: Record<string, unknown>): boolean {
  return 'statusCode' in value && 'body' in value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
