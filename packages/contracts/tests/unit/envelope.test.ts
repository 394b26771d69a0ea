import { InvalidEventError, readEnvelope, readImagePayload, toEnvelope } from '../../src/index.js';

const body = { s3_bucket: 'scones-images', s3_key: 'test/bicycle_s_000513.png', image_data: '' };

describe('readEnvelope', () => {
  it.each([
    ['the bare body', body],
    ['a {statusCode, body} envelope with an object body', { statusCode: 200, body }],
    [
      'a {statusCode, body} envelope with a JSON string body',
      { statusCode: 200, body: JSON.stringify(body) },
    ],
    [
      'a whole lambda:invoke result',
      { ExecutedVersion: '$LATEST', StatusCode: 200, Payload: { statusCode: 200, body } },
    ],
    [
      'a lambda:invoke result whose body is a string',
      { Payload: { statusCode: 200, body: JSON.stringify(body) } },
    ],
    ['a JSON string of the body', JSON.stringify(body)],
  ])('finds the same body in %s', (_shape, event) => {
    expect(readEnvelope(event)).toEqual(body);
  });

  it('keeps a body that happens to carry a Payload key of its own', () => {
    const withPayload = { ...body, Payload: 'kept' };
    expect(readEnvelope(withPayload)).toEqual(withPayload);
  });

  it.each([
    ['null', null, /expected a JSON object, got null/],
    ['an array', [body], /got an array/],
    ['a number', 42, /got a number/],
    [
      'a body string that is not JSON',
      { statusCode: 200, body: '{"s3_key": ' },
      /string that is not JSON/,
    ],
    ['an error envelope', { statusCode: 500, body }, /statusCode 500/],
  ])('rejects %s with InvalidEventError', (_case, event, message) => {
    expect(() => readEnvelope(event)).toThrow(InvalidEventError);
    expect(() => readEnvelope(event)).toThrow(message);
  });

  it('rejects bodies wrapped without end', () => {
    let event: unknown = body;
    for (let i = 0; i < 10; i++) event = { statusCode: 200, body: event };
    expect(() => readEnvelope(event)).toThrow(/wrapped more than/);
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
  ])('rejects %s with a message naming the field', (_case, event, message) => {
    expect(() => readImagePayload(event)).toThrow(InvalidEventError);
    expect(() => readImagePayload(event)).toThrow(message);
  });
});

describe('toEnvelope', () => {
  it('wraps the body with statusCode 200', () => {
    expect(toEnvelope(body)).toEqual({ statusCode: 200, body });
  });
});
