import { InvalidEventError } from './errors.js';
import { STATE_PAYLOAD_MAX_BYTES } from './limits.js';
import { isMissing, withCanonicalNames } from './record-aliases.js';

/** How a step writes `body`: an object (the default), or a JSON string for machines that `States.StringToJson($.body)`. */
export type BodyFormat = 'object' | 'string';

/**
 * What every step Lambda returns: the original system's `{statusCode, body}` envelope, and the
 * record's keys at the top level too, so that readers of `$.Payload.body` and flat readers
 * (`event['image_data']`) both find them.
 */
export type Envelope<Body extends object> = Body & {
  statusCode: 200;
  /** The record; a JSON string of it with `BODY_FORMAT=string`. */
  body: Body | string;
};

// Room left in a state for what Step Functions wraps around a Lambda's answer (the invoke
// result's StatusCode, ExecutedVersion and SdkHttpMetadata headers).
const INVOKE_RESULT_ROOM_BYTES = 16 * 1024;

// A record wrapped deeper than this is not something any known state machine produces.
const MAX_WRAPPING_DEPTH = 12;

/**
 * Finds the record in any of the shapes existing state machines hand to a step (tolerant reader):
 * the bare record; `{statusCode, body}` or `{body}`, with `body` an object, a JSON string or the
 * bare list of probabilities, nested as deep as real deployments nest them; the whole result of a
 * `lambda:invoke` task (`{Payload: ...}`); a JSON string of any of these. Keys beside `body` are
 * kept, and where a key appears both outside and inside, the inner value wins unless it is empty
 * (`[]`, `''`, null): an original classify Lambda sets `inferences` at the top level beside a
 * body whose `inferences` are still `[]`. The other names deployments used (`bucket`, `key`,
 * `image_url`, a `confidence` list) are read as ours. `statusCode` is checked, never kept.
 *
 * @throws InvalidEventError when no record can be found, or a step reported a non-2xx status.
 * @example
 * readEnvelope({ Payload: { statusCode: 200, body: '{"s3_key":"a.png"}' } }); // { s3_key: 'a.png' }
 * readEnvelope({ statusCode: 200, body: '[0.99, 0.01]' }); // { inferences: [0.99, 0.01] }
 */
export function readEnvelope(event: unknown): Record<string, unknown> {
  let current = event;
  let around: Record<string, unknown> = {};
  for (let depth = 0; depth <= MAX_WRAPPING_DEPTH; depth++) {
    // A JSON string may hold another: `json.dumps(event)` of an event that was already a string.
    if (typeof current === 'string') {
      current = parseJsonBody(current);
      continue;
    }
    if (Array.isArray(current)) current = { inferences: current };
    if (!isPlainObject(current)) {
      throw new InvalidEventError(
        `Invalid event: expected a JSON object, got ${describe(current)}. Send the payload ` +
          `(s3_bucket, s3_key) as an object, a {statusCode, body} envelope or a lambda:invoke result.`,
      );
    }
    if (isInvokeResult(current)) {
      current = current['Payload'];
      continue;
    }
    const { statusCode, body, ...fields } = current;
    if (typeof statusCode === 'number' && (statusCode < 200 || statusCode > 299)) {
      throw new InvalidEventError(
        `Invalid event: the previous step returned statusCode ${statusCode}, not a success.`,
      );
    }
    around = mergeRecords(around, fields);
    if (body === undefined) return withCanonicalNames(around);
    current = body;
  }
  throw new InvalidEventError(
    `Invalid event: the body is wrapped more than ${MAX_WRAPPING_DEPTH} levels deep.`,
  );
}

/**
 * Writes a step's record as every neighbour reads it (strict writer): `{statusCode: 200, body}`
 * with the record's keys also at the top level. `body` is the record itself, or its JSON string
 * with `format: 'string'`. When the two copies together would come near the 256 KiB Step
 * Functions allows a state, the top-level copy of `image_data` is left empty (the body keeps it).
 *
 * @example
 * toEnvelope({ s3_bucket: 'b', s3_key: 'k.png' });
 * // { statusCode: 200, body: { s3_bucket: 'b', s3_key: 'k.png' }, s3_bucket: 'b', s3_key: 'k.png' }
 */
export function toEnvelope<Body extends object>(
  record: Body,
  format: BodyFormat = 'object',
): Envelope<Body> {
  const envelope = {
    ...record,
    statusCode: 200 as const,
    body: format === 'string' ? JSON.stringify(record) : record,
  };
  const limit = STATE_PAYLOAD_MAX_BYTES - INVOKE_RESULT_ROOM_BYTES;
  if ('image_data' in record && utf8Bytes(JSON.stringify(envelope)) > limit)
    return { ...envelope, image_data: '' };
  return envelope;
}

function mergeRecords(
  outer: Record<string, unknown>,
  inner: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...outer };
  for (const [key, value] of Object.entries(inner)) {
    if (!(isMissing(value) && key in outer && !isMissing(outer[key]))) merged[key] = value;
  }
  return merged;
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

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// `{Payload: ...}` is a lambda:invoke result unless the object already looks like a record.
function isInvokeResult(value: Record<string, unknown>): boolean {
  return (
    'Payload' in value && !('s3_key' in value) && !('s3_bucket' in value) && !('body' in value)
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return `a ${typeof value}`;
}
