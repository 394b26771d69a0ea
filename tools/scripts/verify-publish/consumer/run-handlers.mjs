// Runs each published Lambda handler once, in a chain, against real local servers started
// from the installed packages: s3rver for S3 and the @scones/model endpoint.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ImageClassifier, ModelServer } from '@scones/model';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);
const s3rver = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: await mkdtemp(path.join(tmpdir(), 's3-')),
  configureBuckets: [{ name: 'photos' }],
});
const { port } = await s3rver.run();
const endpoint = await ModelServer.start({ model: await ImageClassifier.load() });
try {
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`,
    AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: endpoint.url,
    ENDPOINT_NAME: endpoint.endpointName,
    THRESHOLD: '0',
  });
  const s3 = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' });
  await s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'one.png', Body: png }));
  const serialize = (await import('@scones/serialize/lambda')).handler;
  const classify = (await import('@scones/classify/lambda')).handler;
  const threshold = (await import('@scones/threshold/lambda')).handler;
  const serialized = await serialize({ s3_bucket: 'photos', s3_key: 'one.png', image_data: '' });
  const classified = await classify(serialized);
  const judged = await threshold({ Payload: classified });
  if (
    judged.statusCode !== 200 ||
    judged.body.meets_threshold !== true ||
    judged.body.inferences.length !== 2
  ) {
    throw new Error(`unexpected result: ${JSON.stringify(judged)}`);
  }
  console.log(
    `serialize, classify and threshold ran: ${judged.body.label} ${judged.body.confidence.toFixed(3)}`,
  );
  s3.destroy();
} finally {
  await endpoint.close();
  await s3rver.close();
}
