// The monitor's capture reader: records parsed per second. The capture files are written by the
// model package's own DataCapture (SageMaker's format and layout) into a temporary folder, then
// read back by buildConfidenceReport, the path `scones monitor` takes.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const RECORDS = 50_000;
const RUNS = 3;

export async function monitorReader(root) {
  const model = createRequire(path.join(root, 'packages/model/package.json'))('./dist/index.js');
  const monitor = createRequire(path.join(root, 'packages/monitor/package.json'))(
    './dist/index.js',
  );
  const folder = await mkdtemp(path.join(tmpdir(), 'scones-bench-capture-'));
  try {
    const capture = new model.DataCapture({
      sink: model.folderSink(folder),
      endpointName: 'scones-classifier',
      maxRecordsPerFile: 1000,
    });
    // A 32x32 PNG is about 3 KB, captured as base64 as SageMaker does.
    const input = { contentType: 'image/png', body: new Uint8Array(3_000).fill(7) };
    const start = Date.parse('2026-11-01T00:00:00Z');
    for (let i = 0; i < RECORDS; i++) {
      const p = (i % 100) / 100;
      const output = {
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify([p, 1 - p])),
      };
      capture.record({ input, output, time: new Date(start + i * 1000) });
    }
    await capture.close();

    const rates = [];
    let inferences = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      const report = await monitor.buildConfidenceReport(folder);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      inferences = report.inferences.length;
      rates.push(RECORDS / seconds);
    }
    if (inferences !== RECORDS) throw new Error(`read ${inferences} of ${RECORDS} records`);
    const best = Math.max(...rates);
    const median = [...rates].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    return `## Monitor (\`@scones/monitor\`)

${RECORDS.toLocaleString('en')} capture records (3 KB PNG input as base64, a JSON answer each) in
${RECORDS / 1000} files of SageMaker's layout, written by \`@scones/model\`'s \`DataCapture\`, read back
by \`buildConfidenceReport(folder)\` (what \`scones monitor\` runs): streaming the files line by line,
parsing and validating every record, aggregating. ${RUNS} runs.

| figure | value |
| --- | --- |
| capture records parsed per second, median | ${Math.round(median).toLocaleString('en')} |
| capture records parsed per second, best | ${Math.round(best).toLocaleString('en')} |

On your own captures: \`time npx scones monitor <folder or s3://bucket/prefix> --json > /dev/null\`.
`;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
