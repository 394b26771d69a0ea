import fc from 'fast-check';
import { InvalidEventError, readImagePayload, type ImagePayload } from '../../src/index.js';
import { parsesOrRejects } from '../../../../tools/testing/property';

const valid = (p: ImagePayload) =>
  typeof p.s3_bucket === 'string' &&
  p.s3_bucket.length > 0 &&
  typeof p.s3_key === 'string' &&
  p.s3_key.length > 0 &&
  typeof p.image_data === 'string';

// Bodies close to real ones, with every field sometimes wrong.
const body = fc.record(
  {
    s3_bucket: fc.oneof(fc.string(), fc.constant('scones-images'), fc.integer(), fc.constant(null)),
    s3_key: fc.oneof(fc.string(), fc.constant('test/bicycle.png'), fc.boolean()),
    image_data: fc.oneof(fc.base64String(), fc.string(), fc.constant(null), fc.integer()),
    inferences: fc.oneof(
      fc.array(fc.double()),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true })),
      fc.string(),
      fc.json(),
    ),
    threshold: fc.oneof(fc.double(), fc.string()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

// The shapes existing state machines hand a step, around those bodies or anything at all.
const event = fc.oneof(
  fc.anything(),
  fc.string(),
  body,
  body.map((b) => ({ statusCode: 200, body: b })),
  body.map((b) => ({ statusCode: 200, body: JSON.stringify(b) })),
  body.map((b) => ({ StatusCode: 200, Payload: { statusCode: 200, body: b } })),
  fc.record({ statusCode: fc.oneof(fc.integer(), fc.string()), body: fc.anything() }),
  fc.record({ Payload: fc.anything() }),
  fc.json(),
);

describe('readImagePayload, on any input', () => {
  it('returns a valid payload or throws InvalidEventError, nothing else', () => {
    const outcomes = parsesOrRejects(
      'readImagePayload',
      event,
      readImagePayload,
      valid,
      InvalidEventError,
    );
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
