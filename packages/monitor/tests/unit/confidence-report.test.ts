import { buildConfidenceReport, summaryText } from '../../src/index.js';
import { captureFolder, captureLine, HOUR_18, HOUR_19 } from '../fixtures';

describe('buildConfidenceReport on a folder', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await captureFolder({
      [`${HOUR_18}/05-00-000-a.jsonl`]: [
        captureLine('2026-11-27T18:05:00Z', [0.97, 0.03], 'JSON'),
        captureLine('2026-11-27T18:06:00Z', [0.4, 0.6], 'CSV'),
      ],
      [`${HOUR_18}/30-00-000-b.jsonl`]: [
        captureLine('2026-11-27T18:30:00Z', [0.05, 0.95], 'BASE64'),
        'this line is garbage',
        '',
        '{"eventVersion": "0"}',
      ],
      [`${HOUR_19}/00-00-000-c.jsonl`]: [captureLine('2026-11-27T19:00:00Z', [0.93, 0.07])],
      [`${HOUR_19}/10-00-000-empty.jsonl`]: [],
      'notes/readme.txt': ['not a capture file'],
    });
  });

  it('keeps an even sample of rows when told to, while every aggregate counts all of them', async () => {
    const report = await buildConfidenceReport(folder, { threshold: 0.93, maxInferenceRows: 2 });
    expect(report.inferences).toHaveLength(2);
    expect(report.sampled).toBe(true);
    expect(report.summary.count).toBe(4);
    expect(report.hourly.reduce((sum, hour) => sum + hour.count, 0)).toBe(4);
    const bars = report.histogram.bins(report.labels, 0.5, 20);
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(4);
    // The sample is seeded: the same files give the same rows.
    const again = await buildConfidenceReport(folder, { threshold: 0.93, maxInferenceRows: 2 });
    expect(again.inferences).toEqual(report.inferences);
  });

  it('lists at most maxProblems unreadable lines and counts them all', async () => {
    const report = await buildConfidenceReport(folder, { maxProblems: 1 });
    expect(report.problems).toHaveLength(1);
    expect(report.problemCount).toBe(2);
  });

  it('reads every record in nested hour folders, in time order, with passes-at-threshold', async () => {
    const report = await buildConfidenceReport(folder, { threshold: 0.93 });
    expect(
      report.inferences.map((r) => [r.time.toISOString(), r.label, r.confidence, r.passes]),
    ).toEqual([
      ['2026-11-27T18:05:00.000Z', 'bicycle', 0.97, true],
      ['2026-11-27T18:06:00.000Z', 'motorcycle', 0.6, false],
      ['2026-11-27T18:30:00.000Z', 'motorcycle', 0.95, true],
      ['2026-11-27T19:00:00.000Z', 'bicycle', 0.93, true],
    ]);
    expect(report.inferences[2]).toMatchObject({
      file: expect.stringContaining('30-00-000-b.jsonl'),
      line: 1,
    });
  });

  it('lists each unreadable line with its file and line number, and goes on', async () => {
    const report = await buildConfidenceReport(folder);
    expect(report.problems).toEqual([
      { file: expect.stringMatching(/30-00-000-b\.jsonl$/), line: 2, reason: 'not JSON' },
      {
        file: expect.stringMatching(/30-00-000-b\.jsonl$/),
        line: 4,
        reason: 'captureData.endpointOutput is missing',
      },
    ]);
    expect(report.lines).toBe(6);
  });

  it('aggregates count, pass rate, percentiles, label mix and an hourly series', async () => {
    const report = await buildConfidenceReport(folder, { threshold: 0.93 });
    expect(report.summary).toEqual({
      count: 4,
      passed: 3,
      passRate: 0.75,
      confidence: { min: 0.6, p5: 0.6, p25: 0.6, p50: 0.93, p75: 0.95, p95: 0.97, max: 0.97 },
      labels: { bicycle: 2, motorcycle: 2 },
      first: '2026-11-27T18:05:00.000Z',
      last: '2026-11-27T19:00:00.000Z',
    });
    expect(report.hourly).toEqual([
      {
        hour: '2026-11-27T18:00:00Z',
        count: 3,
        passRate: 2 / 3,
        meanConfidence: (0.97 + 0.6 + 0.95) / 3,
        labels: { bicycle: 1, motorcycle: 2 },
      },
      {
        hour: '2026-11-27T19:00:00Z',
        count: 1,
        passRate: 1,
        meanConfidence: 0.93,
        labels: { bicycle: 1, motorcycle: 0 },
      },
    ]);
  });

  it('keeps only inferences from --since to --until', async () => {
    const report = await buildConfidenceReport(folder, {
      since: new Date('2026-11-27T18:06:00Z'),
      until: new Date('2026-11-27T19:00:00Z'),
    });
    expect(report.inferences.map((r) => r.time.toISOString())).toEqual([
      '2026-11-27T18:06:00.000Z',
      '2026-11-27T18:30:00.000Z',
    ]);
  });

  it('summarizes for the terminal', async () => {
    const text = summaryText(await buildConfidenceReport(folder, { threshold: 0.93 }));
    expect(text).toContain('4 inferences from 3 files');
    expect(text).toContain('passed at threshold 0.93: 3 (75.0%)');
    expect(text).toContain('labels: bicycle 2, motorcycle 2');
    expect(text).toMatch(/2 lines could not be read:\n.*30-00-000-b.jsonl:2: not JSON/);
  });

  it('says so when the folder does not exist', async () => {
    await expect(buildConfidenceReport(`${folder}/missing`)).rejects.toThrow(/No such folder/);
  });
});
