// The model server over HTTP: held-out accuracy, per-request latency, and requests per second
// with concurrent clients. The server runs in its own process, as `scones-model serve`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { percentile } from './stats.mjs';

const SEQUENTIAL_REQUESTS = 400;
const CONCURRENCY_LEVELS = [1, 4, 16];
const SECONDS_PER_LEVEL = 5;

export async function modelServer(root, dataDir) {
  const require = createRequire(path.join(root, 'packages/model/package.json'));
  const model = require('./dist/index.js');
  const image = sampleImage(dataDir);

  const accuracyRow = await accuracy(model, dataDir);
  const server = await startServer(root);
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    const post = () => invoke(server.url, image, agent);
    for (let i = 0; i < 50; i++) await post();
    const latencies = [];
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) {
      const started = process.hrtime.bigint();
      await post();
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const throughput = [];
    for (const clients of CONCURRENCY_LEVELS)
      throughput.push([clients, await requestsPerSecond(post, clients)]);
    agent.destroy();
    return `## Model server (\`@scones/model\`)

Held-out accuracy of the committed model, and the server over HTTP on loopback with the
committed model: \`scones-model serve\` in its own process, a ${image.length}-byte 32x32 PNG
posted to \`/endpoints/scones-classifier/invocations\` over keep-alive connections.

| figure | value | how |
| --- | --- | --- |
${accuracyRow}| latency p50 | ${percentile(latencies, 50).toFixed(2)} ms | ${SEQUENTIAL_REQUESTS} sequential requests after 50 warm-up |
| latency p99 | ${percentile(latencies, 99).toFixed(2)} ms | same |
${throughput.map(([clients, rate]) => `| throughput, ${clients} client${clients > 1 ? 's' : ''} | ${rate.toFixed(0)} requests/s | ${SECONDS_PER_LEVEL} s of back-to-back requests per client |`).join('\n')}
`;
  } finally {
    await server.stop();
  }
}

async function accuracy(model, dataDir) {
  const classifier = await model.ImageClassifier.load();
  const result = await model.evaluate(classifier, { dataDir });
  await classifier.close();
  return `| held-out accuracy | ${result.accuracy.toFixed(4)} (${result.correct}/${result.total}) | \`npx scones-model evaluate --data ${path.relative(process.cwd(), dataDir)}\`; confusion ${JSON.stringify(result.confusion)} (rows actual, columns predicted) |\n| the original built-in ResNet | about 0.81 | reported for the same 1,000 images |\n`;
}

function sampleImage(dataDir) {
  const first = readFileSync(path.join(dataDir, 'train.lst'), 'utf8').split('\n')[0].split('\t')[2];
  return readFileSync(path.join(dataDir, 'train', first));
}

function startServer(root) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'packages/model/bin/scones-model.cjs'), 'serve', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`scones-model serve exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const url = /listening on (http:\/\/\S+)/.exec(String(chunk))?.[1];
      if (url) {
        child.removeAllListeners('exit');
        resolve({
          url,
          stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))),
        });
      }
    });
  });
}

function invoke(url, body, agent) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/endpoints/scones-classifier/invocations`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'image/png', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`HTTP ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function requestsPerSecond(post, clients) {
  const deadline = Date.now() + SECONDS_PER_LEVEL * 1000;
  let done = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        await post();
        done += 1;
      }
    }),
  );
  return done / (Number(process.hrtime.bigint() - started) / 1e9);
}
