import fc from 'fast-check';
import {
  InvalidCaptureRecordError,
  parseCaptureRecord,
  type CapturedInference,
} from '../../src/index.js';
import { parsesOrRejects } from '../../../../tools/testing/property';
import { captureLine } from '../fixtures';

const valid = (r: CapturedInference) =>
  r.eventId.length > 0 &&
  !Number.isNaN(r.time.getTime()) &&
  r.probabilities.length === 2 &&
  ['bicycle', 'motorcycle'].includes(r.label);

// Real capture lines with one field replaced by something arbitrary, and arbitrary text.
const line = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .tuple(
      fc.constantFrom('JSON', 'CSV', 'BASE64'),
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
      fc.constantFrom(
        'eventId',
        'inferenceTime',
        'data',
        'encoding',
        'observedContentType',
        'endpointOutput',
        'captureData',
      ),
      fc.anything(),
    )
    .map(([encoding, probabilities, field, value]) => {
      const record = JSON.parse(
        captureLine('2026-11-27T18:00:00Z', probabilities, encoding as 'JSON'),
      );
      const output = record.captureData.endpointOutput;
      if (field === 'eventId' || field === 'inferenceTime') record.eventMetadata[field] = value;
      else if (field === 'endpointOutput') record.captureData.endpointOutput = value;
      else if (field === 'captureData') record.captureData = value;
      else output[field] = value;
      return JSON.stringify(record);
    }),
);

describe('parseCaptureRecord, on any line', () => {
  it('returns a valid inference or throws InvalidCaptureRecordError, nothing else', () => {
    const outcomes = parsesOrRejects(
      'parseCaptureRecord',
      line,
      (l) => parseCaptureRecord(l),
      valid,
      InvalidCaptureRecordError,
    );
    expect(outcomes.rejected).toBeGreaterThan(0);
  });
});
