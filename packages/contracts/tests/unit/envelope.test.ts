import {
  INLINE_IMAGE_MAX_BYTES,
  InvalidConfigurationError,
  InvalidEventError,
  STATE_PAYLOAD_MAX_BYTES,
  bodyFormatSetting,
  readClassifiablePayload,
  readEnvelope,
  readImagePayload,
  readInferencePayload,
  toEnvelope,
} from '../../src/index.js';
import { INPUT_SHAPES } from '../../../../tools/testing/input-shapes';

const body = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png', image_data: '' };

describe('readEnvelope', () => {
  it.each(INPUT_SHAPES)('finds the same record in %s', (_shape, wrap) => {
    expect(readEnvelope(wrap(body))).toEqual(body);
  });

  it('finds the same record in a whole lambda:invoke result with its metadata', () => {
    const result = {
      ExecutedVersion: '$LATEST',
      StatusCode: 200,
      Payload: { statusCode: 200, body },
    };
    expect(readEnvelope(result)).toEqual(body);
  });

  it('keeps a record that happens to carry a Payload key of its own', () => {
    const withPayload = { ...body, Payload: 'kept' };
    expect(readEnvelope(withPayload)).toEqual(withPayload);
  });

  it('keeps the keys beside body (a deployment carrying `endpoint` onward)', () => {
    expect(readEnvelope({ endpoint: 'scones-classifier', statusCode: 200, body })).toEqual({
      ...body,
      endpoint: 'scones-classifier',
    });
  });

  it('prefers inferences set beside the body over the empty ones inside it (the original classify)', () => {
    // The original classify Lambda sets event["inferences"] and returns json.dumps(event) as body.
    const original = {
      statusCode: 200,
      body: JSON.stringify({
        statusCode: 200,
        body: { ...body, inferences: [] },
        inferences: '[0.96, 0.04]',
      }),
    };
    expect(readEnvelope(original)['inferences']).toBe('[0.96, 0.04]');
    expect(readInferencePayload(original).inferences).toEqual([0.96, 0.04]);
  });

  it('reads a JSON string of a JSON string (json.dumps of an event that was a string)', () => {
    expect(readEnvelope({ statusCode: 200, body: JSON.stringify(JSON.stringify(body)) })).toEqual(
      body,
    );
  });

  it('lets the inner value win where both are given', () => {
    expect(readEnvelope({ s3_key: 'outer.png', body: { s3_key: 'inner.png' } })).toEqual({
      s3_key: 'inner.png',
    });
  });

  it.each([
    ['null', null, /expected a JSON object, got null/],
    ['a number', 42, /got a number/],
    [
      'a body string that is not JSON',
      { statusCode: 200, body: '{"s3_key": ' },
      /string that is not JSON/,
    ],
    ['an error envelope', { statusCode: 500, body }, /statusCode 500/],
    [
      'an error status beside inferences',
      { statusCode: 400, inferences: [0.5, 0.5] },
      /statusCode 400/,
    ],
  ])('rejects %s with InvalidEventError', (_case, event, message) => {
    expect(() => readEnvelope(event)).toThrow(InvalidEventError);
    expect(() => readEnvelope(event)).toThrow(message);
  });

  it('rejects records wrapped without end', () => {
    let event: unknown = body;
    for (let i = 0; i < 20; i++) event = { statusCode: 200, body: event };
    expect(() => readEnvelope(event)).toThrow(/wrapped more than/);
  });
});

// The shapes real deployments of the original system pass, for each step: every one, in every
// envelope, reads as the same record.
const image = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png' };
const RECORD_SHAPES: [string, unknown, Record<string, unknown>][] = [
  ['s3_bucket and s3_key', image, image],
  ['bucket and key', { bucket: image.s3_bucket, key: image.s3_key }, image],
  [
    'image_url as a key beside s3_bucket',
    { s3_bucket: image.s3_bucket, image_url: image.s3_key },
    image,
  ],
  ['image_url as an s3:// URI', { image_url: `s3://${image.s3_bucket}/${image.s3_key}` }, image],
  [
    'image_url as a virtual-hosted object URL',
    { image_url: `https://${image.s3_bucket}.s3.eu-west-1.amazonaws.com/${image.s3_key}` },
    image,
  ],
  [
    'image_url as a path-style object URL',
    { image_url: `https://s3.eu-west-1.amazonaws.com/${image.s3_bucket}/${image.s3_key}` },
    image,
  ],
];
const INFERENCE_SHAPES: [string, unknown][] = [
  ['inferences', { inferences: [0.99, 0.01] }],
  ['inferences as a JSON string', { inferences: '[0.99, 0.01]' }],
  ['inferences in exponent form', { inferences: '[9.9e-1, 1E-2]' }],
  ['confidence as the list', { confidence: [0.99, 0.01] }],
  ['the bare array', [0.99, 0.01]],
  ['the bare array as a JSON string', '[0.99, 0.01]'],
];

describe('every accepted shape, in every envelope', () => {
  describe.each(INPUT_SHAPES)('wrapped as %s', (_envelope, wrap) => {
    it.each(RECORD_SHAPES)('reads %s as the same image', (_shape, record, expected) => {
      expect(readImagePayload(wrap(record as object))).toMatchObject(expected);
    });

    it.each(INFERENCE_SHAPES)('reads %s as the same inferences', (_shape, record) => {
      const wrapped = typeof record === 'string' ? wrap({ body: record }) : wrap(record as object);
      expect(readInferencePayload(wrapped).inferences).toEqual([0.99, 0.01]);
    });
  });

  it('reads a {statusCode, inferences} answer with no body', () => {
    expect(readInferencePayload({ statusCode: 200, inferences: [0.99, 0.01] })).toEqual({
      image_data: '',
      inferences: [0.99, 0.01],
    });
  });
});

describe('readImagePayload', () => {
  it('reads the original workflow input and fills image_data', () => {
    const payload = readImagePayload({ s3_bucket: 'b', s3_key: 'k.png' });
    expect(payload).toEqual({ s3_bucket: 'b', s3_key: 'k.png', image_data: '' });
  });

  it('keeps keys it does not know', () => {
    expect(readImagePayload({ ...body, delivery_id: 'd-42' })).toMatchObject({
      delivery_id: 'd-42',
    });
  });

  it('reads inferences stored as a JSON string by the original classify Lambda', () => {
    const payload = readImagePayload({ ...body, inferences: '[0.97, 0.03]' });
    expect(payload.inferences).toEqual([0.97, 0.03]);
  });

  it.each([
    [
      'a missing s3_key',
      { s3_bucket: 'b' },
      /Invalid event: s3_key is missing\. Expected an object like/,
    ],
    ['s3_bucket not a string', { s3_bucket: 42, s3_key: 'k.png' }, /s3_bucket .*got 42/],
    ['an empty object', {}, /s3_bucket.*s3_key/],
    ['an empty s3_key', { s3_bucket: 'b', s3_key: '' }, /s3_key must be a non-empty string/],
    ['inferences out of range', { ...body, inferences: [1.5, -0.5] }, /inferences/],
    ['a threshold above 1', { ...body, threshold: 2 }, /threshold/],
    ['an array of records', [body], /inferences/],
  ])('rejects %s with a message naming the field', (_case, event, message) => {
    expect(() => readImagePayload(event)).toThrow(InvalidEventError);
    expect(() => readImagePayload(event)).toThrow(message);
  });
});

describe('readClassifiablePayload', () => {
  it('takes an inline image without a location', () => {
    expect(readClassifiablePayload({ body: { image_data: 'iVBORw0KGgo=' } }).image_data).toBe(
      'iVBORw0KGgo=',
    );
  });

  it('needs a location when the image is not inline', () => {
    expect(() => readClassifiablePayload({ image_data: '' })).toThrow(/s3_bucket is missing/);
  });
});

describe('toEnvelope', () => {
  it('writes the record as body and at the top level', () => {
    expect(toEnvelope(body)).toEqual({ ...body, statusCode: 200, body });
  });

  it('writes body as a JSON string with the string format', () => {
    expect(toEnvelope(body, 'string')).toEqual({
      ...body,
      statusCode: 200,
      body: JSON.stringify(body),
    });
  });

  it('leaves the top-level image_data empty when both copies would pass 256 KiB, and reads back whole', () => {
    // The largest image serialize inlines, as base64.
    const imageData = 'A'.repeat(Math.ceil(INLINE_IMAGE_MAX_BYTES / 3) * 4);
    const envelope = toEnvelope({ ...body, image_data: imageData });
    expect(new TextEncoder().encode(JSON.stringify(envelope)).length).toBeLessThanOrEqual(
      STATE_PAYLOAD_MAX_BYTES,
    );
    expect(envelope.image_data).toBe('');
    expect(readEnvelope(envelope)['image_data']).toBe(imageData);
  });

  it('keeps both copies of a small image', () => {
    expect(toEnvelope({ ...body, image_data: 'iVBORw0KGgo=' }).image_data).toBe('iVBORw0KGgo=');
  });
});

describe('bodyFormatSetting', () => {
  it('defaults to object and reads string', () => {
    expect(bodyFormatSetting({})).toBe('object');
    expect(bodyFormatSetting({ BODY_FORMAT: 'string' })).toBe('string');
  });

  it('names the allowed values', () => {
    expect(() => bodyFormatSetting({ BODY_FORMAT: 'json' })).toThrow(InvalidConfigurationError);
    expect(() => bodyFormatSetting({ BODY_FORMAT: 'json' })).toThrow(
      /"object" \(the default\) or "string"; got "json"/,
    );
  });
});
