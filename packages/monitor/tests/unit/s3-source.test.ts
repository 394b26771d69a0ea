import { buildConfidenceReport } from '../../src/index.js';
import { startLocalS3, type LocalS3 } from '../../../../tools/testing/local-s3';
import { captureLine, HOUR_18, HOUR_19 } from '../fixtures';

let s3: LocalS3;

beforeAll(async () => {
  s3 = await startLocalS3(['scones-images']);
  await s3.put(
    'scones-images',
    `data_capture/${HOUR_18}/01.jsonl`,
    `${captureLine('2026-11-27T18:01:00Z', [0.99, 0.01])}\nnot json\n`,
  );
  await s3.put(
    'scones-images',
    `data_capture/${HOUR_19}/02.jsonl`,
    `${captureLine('2026-11-27T19:02:00Z', [0.2, 0.8], 'CSV')}\n`,
  );
  await s3.put('scones-images', 'photos/a.png', 'not a capture file');
});

afterAll(() => s3.stop());

describe('buildConfidenceReport on an s3:// prefix', () => {
  it('reads the capture files under the prefix through the AWS SDK', async () => {
    const report = await buildConfidenceReport('s3://scones-images/data_capture', {
      s3: s3.client,
    });
    expect(report.inferences.map((r) => [r.label, r.confidence])).toEqual([
      ['bicycle', 0.99],
      ['motorcycle', 0.8],
    ]);
    expect(report.problems).toEqual([
      { file: `s3://scones-images/data_capture/${HOUR_18}/01.jsonl`, line: 2, reason: 'not JSON' },
    ]);
    expect(report.files).toBe(2);
  });
});
