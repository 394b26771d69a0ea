// Batch at a day's scale: the real `scones batch s3://...` in a subprocess over 1,000 and 10,000
// objects (100,000 with `npm run bench -- batch-scale --objects 1000,10000,100000`), side by
// side in one run: images per second, and the peak memory of the scones process, which must
// not grow with the photos' bytes (results stream to the ResultWriter files). The objects are
// the training images cycled under as many keys, uploaded beforehand.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleImages } from './local-stack.mjs';

const PREFIX = 'day/';
const CONCURRENCY = 8;

export async function batchScale(root, dataDir, counts = [1000, 10000]) {
  const require = createRequire(path.join(root, 'packages/local/package.json'));
  const { LocalStack } = require('./dist/index.js');
  const images = sampleImages(dataDir);
  const rows = [];
  for (const count of counts) {
    const dir = await mkdtemp(path.join(tmpdir(), 'scones-bench-day-'));
    try {
      const stack = await LocalStack.start({ dataDir: dir });
      try {
        for (let i = 0; i < count; i += 64)
          await Promise.all(
            Array.from({ length: Math.min(64, count - i) }, (_, j) =>
              stack.s3.send(
                new PutObjectCommand({
                  Bucket: stack.bucket,
                  Key: `${PREFIX}${String(i + j).padStart(6, '0')}.png`,
                  Body: images[(i + j) % images.length][1],
                }),
              ),
            ),
          );
      } finally {
        await stack.stop();
      }
      rows.push({ count, ...(await runBatchCommand(root, dir)) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const first = rows[0];
  return `## Batch at a day's scale (\`scones batch\`)

\`scones batch s3://scones-images/${PREFIX} --concurrency ${CONCURRENCY}\` run as a user runs it (a
subprocess of the real CLI) over objects already in local S3: ${images.length} distinct images
cycled under as many keys as each row says. Peak memory is the scones process's maximum
resident set (\`process.resourceUsage().maxRSS\`), stack and all. Results stream to the ResultWriter
files as children end and no image bytes are kept; what grows with the objects is the listing
and the per-object line the CLI reports (a few hundred bytes each), and the heap V8 lets grow
before it collects.

| objects | images/s | wall time | peak memory | memory over the ${first.count}-object run, per 1,000 more objects | outcomes |
| --- | --- | --- | --- | --- | --- |
${rows
  .map(
    (row) =>
      `| ${row.count} | ${row.imagesPerSecond.toFixed(1)} | ${row.seconds.toFixed(1)} s | ${row.peakMb.toFixed(0)} MB | ${
        row === first
          ? '-'
          : `${(((row.peakMb - first.peakMb) * 1000) / (row.count - first.count)).toFixed(2)} MB`
      } | ${JSON.stringify(row.outcomes)} |`,
  )
  .join('\n')}

Reproduce: \`npm run bench -- batch-scale\` (add \`--objects 1000,10000,100000\` for the README's
100,000 a day).
`;
}

/** Runs the CLI's batch on a data dir and reports its summary and the process's peak memory. */
function runBatchCommand(root, dir) {
  const launcher = path.join(root, 'packages/local/bin/scones.cjs');
  // The CLI itself, with one line on its way out: its own peak memory, on stderr.
  // (With -e, process.argv is [node, launcher, ...args], as when the launcher runs as a script.)
  const probe = `process.on('exit', () => console.error('maxRSS ' + process.resourceUsage().maxRSS));
require(${JSON.stringify(launcher)});`;
  const args = ['batch', `s3://scones-images/${PREFIX}`, '--data-dir', dir];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', probe, launcher, ...args, '--concurrency', String(CONCURRENCY), '--json'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /maxRSS (\d+)/.exec(stderr);
      if (code !== 0 || !rss) {
        reject(new Error(`scones ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      const { summary } = JSON.parse(stdout);
      resolve({
        imagesPerSecond: summary.imagesPerSecond,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakMb: Number(rss[1]) / 1024,
        outcomes: summary.outcomes,
      });
    });
  });
}
