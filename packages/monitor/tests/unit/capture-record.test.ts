import { InvalidCaptureRecordError, parseCaptureRecord } from '../../src/index.js';
import { captureLine } from '../fixtures';

describe('parseCaptureRecord', () => {
  it.each(['JSON', 'CSV', 'BASE64'] as const)('reads an output captured as %s', (encoding) => {
    const inference = parseCaptureRecord(
      captureLine('2026-11-27T18:04:05Z', [0.12, 0.88], encoding, 'e-1'),
    );
    expect(inference).toEqual({
      eventId: 'e-1',
      time: new Date('2026-11-27T18:04:05Z'),
      probabilities: [0.12, 0.88],
      label: 'motorcycle',
      confidence: 0.88,
      inputContentType: 'image/png',
    });
  });

  it('reads base64 CSV', () => {
    const record = JSON.parse(captureLine('2026-11-27T18:00:00Z', [0.5, 0.5]));
    record.captureData.endpointOutput = {
      observedContentType: 'text/csv',
      data: Buffer.from('0.7,0.3').toString('base64'),
      encoding: 'BASE64',
    };
    expect(parseCaptureRecord(JSON.stringify(record)).probabilities).toEqual([0.7, 0.3]);
  });

  it('names the classes with the labels given', () => {
    expect(
      parseCaptureRecord(captureLine('2026-11-27T18:00:00Z', [0.1, 0.2, 0.7]), [
        'bike',
        'moto',
        'scooter',
      ]).label,
    ).toBe('scooter');
  });

  type Editable = {
    captureData: { endpointOutput?: Record<string, unknown> };
    eventMetadata: Record<string, unknown>;
  };
  const broken = (change: (record: Editable) => void) => {
    const record = JSON.parse(captureLine('2026-11-27T18:00:00Z', [0.9, 0.1])) as Editable;
    change(record);
    return JSON.stringify(record);
  };

  it.each([
    ['a line that is not JSON', '{"captureData": ', /not JSON/],
    ['an array', '[1, 2]', /not a JSON object/],
    [
      'no endpointOutput',
      broken((r) => delete r.captureData.endpointOutput),
      /endpointOutput is missing/,
    ],
    ['no eventId', broken((r) => delete r.eventMetadata['eventId']), /eventId is missing/],
    [
      'a time that is not a time',
      broken((r) => (r.eventMetadata['inferenceTime'] = 'yesterday')),
      /is not a time/,
    ],
    [
      'an unknown encoding',
      broken((r) => (r.captureData.endpointOutput!['encoding'] = 'XML')),
      /is not JSON, CSV or BASE64/,
    ],
    [
      'base64 that is not base64',
      broken((r) =>
        Object.assign(r.captureData.endpointOutput!, { encoding: 'BASE64', data: '!!!' }),
      ),
      /not base64/,
    ],
    [
      'an output that is not an array',
      broken((r) => (r.captureData.endpointOutput!['data'] = '{"p": 1}')),
      /not a JSON array/,
    ],
    [
      'probabilities out of range',
      broken((r) => (r.captureData.endpointOutput!['data'] = '[1.5, -0.5]')),
      /not a list of probabilities/,
    ],
    [
      'the wrong number of classes',
      broken((r) => (r.captureData.endpointOutput!['data'] = '[1]')),
      /1 probabilities for 2 classes/,
    ],
  ])('rejects %s with InvalidCaptureRecordError', (_case, line, reason) => {
    expect(() => parseCaptureRecord(line)).toThrow(InvalidCaptureRecordError);
    expect(() => parseCaptureRecord(line)).toThrow(reason);
  });
});
