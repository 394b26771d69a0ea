import { captureRecord } from '../../src/index.js';

const time = new Date('2026-11-27T18:04:05.678Z');

describe('captureRecord', () => {
  it('captures an image as base64 and a JSON answer as JSON, in SageMaker’s format', () => {
    const record = captureRecord(
      {
        input: { contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
        output: { contentType: 'application/json', body: Buffer.from('[0.9,0.1]') },
        time,
      },
      'e-1',
    );
    expect(record).toEqual({
      captureData: {
        endpointInput: {
          observedContentType: 'image/png',
          mode: 'INPUT',
          data: 'iVBORw==',
          encoding: 'BASE64',
        },
        endpointOutput: {
          observedContentType: 'application/json',
          mode: 'OUTPUT',
          data: '[0.9,0.1]',
          encoding: 'JSON',
        },
      },
      eventMetadata: { eventId: 'e-1', inferenceTime: '2026-11-27T18:04:05Z' },
      eventVersion: '0',
    });
  });

  it('captures CSV as CSV, whatever the parameters of its content type', () => {
    const record = captureRecord({
      input: { contentType: 'text/csv; charset=utf-8', body: Buffer.from('1,2,3') },
      output: { contentType: 'text/csv', body: Buffer.from('0.5') },
      time,
    });
    expect(record.captureData.endpointInput).toMatchObject({
      encoding: 'CSV',
      data: '1,2,3',
      observedContentType: 'text/csv; charset=utf-8',
    });
    expect(record.eventMetadata.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
