// The local stack end to end, on the 1,000 training images:
// the single-image workflow run once per image, one after another (the original way), against
// the batch path (the Distributed Map semantics with 8 children at once), in one run.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { percentile } from './stats.mjs';

export async function localStack(root, dataDir) {
  const require = createRequire(path.join(root, 'packages/local/package.json'));
  const { LocalStack, LOCAL_FUNCTION_NAMES, runBatch } = require('./dist/index.js');
  const images = sampleImages(dataDir);
  const stack = await LocalStack.start({ temporary: true });
  try {
    const prefix = 'bench/';
    for (const [name, body] of images) {
      await stack.s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: `${prefix}${name}`, Body: body }),
      );
    }
    const names = images.map(([name]) => name);

    const latencies = [];
    const sequentialStart = process.hrtime.bigint();
    for (const name of names) {
      const started = process.hrtime.bigint();
      const execution = stack.executions.start(
        JSON.stringify({ s3_bucket: stack.bucket, s3_key: `${prefix}${name}`, image_data: '' }),
      );
      await stack.executions.completion(execution.executionArn);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const sequentialSeconds = Number(process.hrtime.bigint() - sequentialStart) / 1e9;
    const breakdown = await stepBreakdown(
      stack,
      LOCAL_FUNCTION_NAMES,
      prefix,
      names,
      sequentialSeconds,
    );

    const batch = await runBatch(stack, {
      source: `s3://${stack.bucket}/${prefix}`,
      concurrency: 8,
      toleratedFailurePercentage: 100,
    });
    const what = `the ${names.length} images of ${path.relative(root, dataDir)}`;
    return `## Local stack end to end (\`@scones/local\`)

The real definitions, step Lambdas, S3 (s3rver) and endpoint (\`@scones/model\`) on this machine,
over ${what}, uploaded to local S3 first. Latency is per image, from starting its execution to its end.

| path | images/s | p50 per image | p99 per image | how |
| --- | --- | --- | --- | --- |
| single-image workflow, one execution per image, one after another (the original way) | ${(names.length / sequentialSeconds).toFixed(1)} | ${percentile(latencies, 50).toFixed(1)} ms | ${percentile(latencies, 99).toFixed(1)} ms | \`LocalStack\` executions started one at a time |
| batch: Distributed Map semantics, 8 children at once | ${batch.summary.imagesPerSecond.toFixed(1)} | ${batch.summary.latencyMs.p50} ms | ${batch.summary.latencyMs.p99} ms | \`scones batch s3://scones-images/bench/ --concurrency 8\` |

Where one image's time goes in the sequential path: each step's real handler called directly on
the same images, one after another, in the same run; the rest of an execution is the ASL
interpreter, the execution store and the JSON hops between states.

| part | mean per image | share |
| --- | --- | --- |
${breakdown}

Batch is ${(batch.summary.imagesPerSecond / (names.length / sequentialSeconds)).toFixed(1)}x the sequential rate on ${require('node:os').cpus().length} cores; its per-image latency is higher because 8 images share them. Outcomes of the batch run: ${JSON.stringify(batch.summary.outcomes)}.
`;
  } finally {
    await stack.stop();
  }
}

// Times each step handler alone over the images, against the mean execution.
async function stepBreakdown(stack, functionNames, prefix, names, sequentialSeconds) {
  const step = (name) => stack.lambdas[functionNames[name]];
  const mean = async (call) => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < names.length; i++) await call(i);
    return Number(process.hrtime.bigint() - started) / 1e6 / names.length;
  };
  const serialized = [];
  const classified = [];
  const parts = {
    'serialize (read from local S3, check, base64)': await mean(async (i) => {
      serialized[i] = await step('serialize')({
        s3_bucket: stack.bucket,
        s3_key: `${prefix}${names[i]}`,
        image_data: '',
      });
    }),
    'classify (invoke the local endpoint through the AWS SDK)': await mean(async (i) => {
      classified[i] = await step('classify')(serialized[i]);
    }),
    threshold: await mean((i) => step('threshold')(classified[i]).catch(() => undefined)),
  };
  const execution = (sequentialSeconds * 1000) / names.length;
  const steps = Object.values(parts).reduce((sum, ms) => sum + ms, 0);
  parts['interpreter, execution store, state hops'] = Math.max(0, execution - steps);
  return Object.entries(parts)
    .map(
      ([part, ms]) => `| ${part} | ${ms.toFixed(2)} ms | ${Math.round((100 * ms) / execution)}% |`,
    )
    .join('\n');
}

/** The training images as [name, bytes] (bench.mjs refuses to run without them). */
export function sampleImages(dataDir) {
  return readFileSync(path.join(dataDir, 'train.lst'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[2])
    .map((name) => [name, readFileSync(path.join(dataDir, 'train', name))]);
}
