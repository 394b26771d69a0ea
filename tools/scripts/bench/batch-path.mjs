// The local batch path against its limits, at 1,000 and 10,000 images: `runBatch` (what
// `scones batch` runs) with 16 children at once, the endpoint's own throughput on the same
// images (`scones-model serve` in its own process, 16 clients), and an S3 GET of the same
// objects (16 at once). Where an image's time goes: each step's real handler run alone over
// the same objects, 16 at once, in the same run; the rest is the interpreter, the listing, the
// ResultWriter and the JSON hops.
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sampleImages } from './local-stack.mjs';
import { serverFigures } from './model-server.mjs';

const CONCURRENCY = 16;
const PREFIX = 'path/';

export async function batchPath(root, dataDir, counts = [1000, 10000]) {
  const require = createRequire(path.join(root, 'packages/local/package.json'));
  const { LocalStack, LOCAL_FUNCTION_NAMES, runBatch } = require('./dist/index.js');
  const images = sampleImages(dataDir).map(([, bytes]) => bytes);
  const [endpoint] = await serverFigures(
    [path.join(root, 'packages/model/bin/scones-model.cjs'), 'serve', '--port', '0'],
    images,
    [CONCURRENCY],
  );
  const rows = [];
  for (const count of counts) {
    const stack = await LocalStack.start({ temporary: true });
    try {
      const keys = Array.from(
        { length: count },
        (_, i) => `${PREFIX}${String(i).padStart(6, '0')}.png`,
      );
      await inTurn(keys, (key, i) =>
        stack.s3.send(
          new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: images[i % images.length] }),
        ),
      );
      const get = await inTurn(keys, async (key) => {
        const object = await stack.s3.send(
          new GetObjectCommand({ Bucket: stack.bucket, Key: key }),
        );
        await object.Body.transformToByteArray();
      });
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const batch = await runBatch(stack, {
        source: `s3://${stack.bucket}/${PREFIX}`,
        concurrency: CONCURRENCY,
        toleratedFailurePercentage: 100,
      });
      const batchSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { user, system } = process.cpuUsage(cpu);
      const cpuSeconds = (user + system) / 1e6;
      const step = (name) => stack.lambdas[LOCAL_FUNCTION_NAMES[name]];
      const serialized = [];
      const classified = [];
      const serialize = await inTurn(keys, async (key, i) => {
        serialized[i] = await step('serialize')({
          s3_bucket: stack.bucket,
          s3_key: key,
          image_data: '',
        });
      });
      const classify = await inTurn(keys, async (_, i) => {
        classified[i] = await step('classify')(serialized[i]);
      });
      const threshold = await inTurn(keys, (_, i) =>
        step('threshold')(classified[i]).catch(() => undefined),
      );
      rows.push({
        count,
        batch,
        batchSeconds,
        cpuSeconds,
        get,
        parts: { serialize, classify, threshold },
      });
    } finally {
      await stack.stop();
    }
  }
  const share = (seconds, whole) => `${Math.round((100 * seconds) / whole)}%`;
  const perImage = (seconds, count) => `${((seconds * 1000) / count).toFixed(2)} ms`;
  return `## The batch path against its limits (\`scones batch\`)

\`runBatch\` (what \`scones batch s3://... --concurrency ${CONCURRENCY}\` runs) over the training images cycled
under as many keys, against the endpoint's own throughput on the same images
(\`scones-model serve\` in its own process, ${CONCURRENCY} clients: **${endpoint.rate.toFixed(0)} images/s**) and an S3
GET of the same objects through the SDK, ${CONCURRENCY} at once. Each step's share: its real handler run
alone over the same objects, ${CONCURRENCY} at once, in the same run, over the batch's wall time; the
rest is the interpreter, the listing, the ResultWriter files and the JSON hops. s3rver runs on a
worker thread of its own; the endpoint, the interpreter, the handlers and their SDK clients share
the stack's event loop.

| images | batch | share of the endpoint | CPU per image (cores busy) | limit: S3 GET | serialize (S3 GET, check, base64) | classify (the endpoint through the SDK) | threshold | the rest |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows
  .map(({ count, batch, batchSeconds, cpuSeconds, get, parts }) => {
    const rest = Math.max(0, batchSeconds - parts.serialize - parts.classify - parts.threshold);
    return `| ${count.toLocaleString('en-US')} | ${batch.summary.imagesPerSecond.toFixed(0)} images/s | **${(batch.summary.imagesPerSecond / endpoint.rate).toFixed(2)}** | ${perImage(cpuSeconds, count)} (${(cpuSeconds / batchSeconds).toFixed(2)}) | ${(count / get).toFixed(0)} GET/s | ${perImage(parts.serialize, count)} (${share(parts.serialize, batchSeconds)}) | ${perImage(parts.classify, count)} (${share(parts.classify, batchSeconds)}) | ${perImage(parts.threshold, count)} (${share(parts.threshold, batchSeconds)}) | ${perImage(rest, count)} (${share(rest, batchSeconds)}) |`;
  })
  .join('\n')}

Times per image are wall time over the images with ${CONCURRENCY} in flight. CPU per image is the
whole process's (every thread) over the batch run: with the cores this busy, the batch is bound
by the work it does per image, not by waiting. Outcomes: ${rows
    .map(({ count, batch }) => `${count}: ${JSON.stringify(batch.summary.outcomes)}`)
    .join('; ')}.
Reproduce: \`npm run bench -- batch-path\`.
`;
}

// Calls `work` on every item, CONCURRENCY at once; the seconds it took.
async function inTurn(items, work) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}
