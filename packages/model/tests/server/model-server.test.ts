// The model server with the committed model, through the real AWS SDK client.
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DataCapture,
  ImageClassifier,
  ModelServer,
  folderSink,
  s3Sink,
  type CaptureRecord,
} from '../../src/index.js';
import {
  makeCorruptJpeg,
  makeJpeg,
  makePng,
  makePngBomb,
  makePngWithRandomTail,
} from '../../../../tools/testing/images';
import { startLocalS3 } from '../../../../tools/testing/local-s3';

let classifier: ImageClassifier;
let server: ModelServer;
let captureDir: string;
let client: SageMakerRuntimeClient;

beforeAll(async () => {
  classifier = await ImageClassifier.load();
  captureDir = await mkdtemp(path.join(tmpdir(), 'capture-'));
  server = await ModelServer.start({
    model: classifier,
    capture: new DataCapture({ sink: folderSink(captureDir), endpointName: 'scones-classifier' }),
  });
  client = new SageMakerRuntimeClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await server.close();
  await classifier.close();
});

function invoke(
  body: Uint8Array,
  contentType: string,
  endpointName = 'scones-classifier',
  accept: string | undefined = 'application/json',
) {
  return client.send(
    new InvokeEndpointCommand({
      EndpointName: endpointName,
      Body: body,
      ContentType: contentType,
      Accept: accept,
    }),
  );
}

function probabilitiesOf(body: Uint8Array): number[] {
  return JSON.parse(Buffer.from(body).toString('utf8'));
}

describe('the model server, through @aws-sdk/client-sagemaker-runtime', () => {
  it.each([
    ['a PNG', () => makePng(), 'image/png'],
    ['a JPEG', () => makeJpeg({ width: 200, height: 150 }), 'image/jpeg'],
    ['a PNG sent as application/x-image', () => makePng(), 'application/x-image'],
  ])(
    'classifies %s: one probability per class, summing to 1',
    async (_case, image, contentType) => {
      const response = await invoke(await image(), contentType);
      expect(response.ContentType).toBe('application/json');
      const probabilities = probabilitiesOf(response.Body!);
      expect(probabilities).toHaveLength(2);
      expect(probabilities[0] + probabilities[1]).toBeCloseTo(1, 5);
      for (const p of probabilities) expect(p).toBeGreaterThanOrEqual(0);
    },
  );

  it.each([
    ['a decompression bomb', () => makePngBomb(100_000, 100_000)],
    ['a JPEG whose body is corrupt', () => makeCorruptJpeg()],
    ['a PNG header followed by random bytes', () => makePngWithRandomTail()],
  ])('answers %s with ModelError, and keeps serving', async (_case, image) => {
    await expect(invoke(await image(), 'image/png')).rejects.toMatchObject({ name: 'ModelError' });
    expect(probabilitiesOf((await invoke(await makePng(), 'image/png')).Body!)).toHaveLength(2);
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html:
  // the answer names the production variant that served it.
  it('names the production variant that answered, as InvokeEndpoint does', async () => {
    const response = await invoke(await makePng(), 'image/png');
    expect(response.InvokedProductionVariant).toBe('AllTraffic');
  });

  it.each([undefined, '*/*', 'application/json; charset=utf-8'])(
    'answers JSON for Accept %s',
    async (accept) => {
      const response = await invoke(await makePng(), 'image/png', undefined, accept);
      expect(response.ContentType).toBe('application/json');
    },
  );

  it('refuses an Accept type other than JSON as the container does: ModelError from its 406', async () => {
    await expect(invoke(await makePng(), 'image/png', undefined, 'text/csv')).rejects.toMatchObject(
      {
        name: 'ModelError',
        OriginalStatusCode: 406,
      },
    );
  });

  it('answers an image it cannot decode with ModelError', async () => {
    await expect(invoke(Buffer.from('not an image'), 'image/png')).rejects.toMatchObject({
      name: 'ModelError',
      $metadata: { httpStatusCode: 400 },
      OriginalStatusCode: 400,
    });
  });

  it.each([
    [
      'an unknown endpoint name',
      () => invoke(Buffer.from('x'), 'image/png', 'no-such-endpoint'),
      /Endpoint no-such-endpoint of account/,
    ],
    [
      'an unsupported content type',
      () => invoke(Buffer.from('{}'), 'application/json'),
      /Content type "application\/json" is not supported/,
    ],
    [
      'a body over 6 MB',
      () => invoke(new Uint8Array(6 * 1024 * 1024 + 1), 'image/png'),
      /too large/,
    ],
  ])('answers %s with ValidationError', async (_case, call, message) => {
    await expect(call()).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(message),
    });
  });

  it('answers many requests at once, each with the answer to its own image, a bad one among them', async () => {
    const images = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        makePng({ color: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 13) % 256 } }),
      ),
    );
    const alone: number[][] = [];
    for (const image of images)
      alone.push(probabilitiesOf((await invoke(image, 'image/png')).Body!));
    // Sent together, they are computed in shared runs (up to 32 at a time) and must still come
    // back to the request that sent them.
    const together = await Promise.allSettled([
      ...images.map((image) => invoke(image, 'image/png')),
      invoke(await makeCorruptJpeg(), 'image/jpeg'),
    ]);
    expect(together.at(-1)).toMatchObject({ status: 'rejected', reason: { name: 'ModelError' } });
    together.slice(0, -1).forEach((answer, i) => {
      expect(answer.status).toBe('fulfilled');
      const probabilities = probabilitiesOf(
        (answer as PromiseFulfilledResult<{ Body?: Uint8Array }>).value.Body!,
      );
      probabilities.forEach((p, label) => expect(p).toBeCloseTo(alone[i]![label]!, 5));
    });
    expect(new Set(alone.map((answer) => answer[0]!.toFixed(4))).size).toBeGreaterThan(10);
  });

  it('speaks the container contract too: GET /ping and POST /invocations', async () => {
    const ping = await fetch(`${server.url}/ping`);
    expect(ping.status).toBe(200);
    const png = await makePng();
    const response = await fetch(`${server.url}/invocations`, {
      method: 'POST',
      body: png,
      headers: { 'content-type': 'image/png' },
    });
    expect(await response.json()).toEqual(probabilitiesOf((await invoke(png, 'image/png')).Body!));
  });

  it('writes a SageMaker capture record for each request, which reads back exactly', async () => {
    const jpeg = await makeJpeg({ color: { r: 10, g: 200, b: 90 } });
    const answer = (await invoke(jpeg, 'image/jpeg')).Body!;
    await server['options'].capture!.flush();
    const files = (await readdir(captureDir, { recursive: true, withFileTypes: true })).filter(
      (e) => e.isFile(),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(path.relative(captureDir, file.parentPath)).toMatch(
        /^scones-classifier\/AllTraffic\/\d{4}\/\d{2}\/\d{2}\/\d{2}$/,
      );
    }
    const records: CaptureRecord[] = [];
    for (const file of files) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      records.push(
        ...text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line)),
      );
    }
    const mine = records.find((r) => r.captureData.endpointInput.data === jpeg.toString('base64'));
    expect(mine).toMatchObject({
      captureData: {
        endpointInput: { observedContentType: 'image/jpeg', mode: 'INPUT', encoding: 'BASE64' },
        endpointOutput: {
          observedContentType: 'application/json',
          mode: 'OUTPUT',
          encoding: 'JSON',
          data: Buffer.from(answer).toString(),
        },
      },
      eventVersion: '0',
    });
    expect(mine?.eventMetadata.inferenceTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('lets a request in flight finish when it is closed', async () => {
    const slowModel = {
      classify: () =>
        new Promise<number[]>((resolve) => setTimeout(() => resolve([0.25, 0.75]), 300)),
    };
    const slow = await ModelServer.start({ model: slowModel });
    const pending = fetch(`${slow.url}/invocations`, {
      method: 'POST',
      body: await makePng(),
      headers: { 'content-type': 'image/png' },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await slow.close();
    expect(await (await pending).json()).toEqual([0.25, 0.75]);
  });

  it('says which port is taken', async () => {
    await expect(ModelServer.start({ model: classifier, port: server.port })).rejects.toMatchObject(
      { code: 'EADDRINUSE' },
    );
  });
});

describe('data capture to S3', () => {
  it('writes the capture files into a bucket through the SDK', async () => {
    const s3 = await startLocalS3(['scones-images']);
    try {
      const capture = new DataCapture({
        sink: s3Sink(s3.client, 's3://scones-images/data_capture'),
        endpointName: 'scones-classifier',
      });
      const endpoint = await ModelServer.start({ model: classifier, capture });
      await fetch(`${endpoint.url}/invocations`, {
        method: 'POST',
        body: await makePng(),
        headers: { 'content-type': 'image/png' },
      });
      await endpoint.close();
      const listed = await s3.client.send(
        new ListObjectsV2Command({ Bucket: 'scones-images', Prefix: 'data_capture/' }),
      );
      expect(listed.Contents).toHaveLength(1);
      const key = listed.Contents![0].Key!;
      expect(key).toMatch(
        /^data_capture\/scones-classifier\/AllTraffic\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/.+\.jsonl$/,
      );
      const object = await s3.client.send(
        new GetObjectCommand({ Bucket: 'scones-images', Key: key }),
      );
      expect(JSON.parse(await object.Body!.transformToString()).eventVersion).toBe('0');
    } finally {
      await s3.stop();
    }
  });
});
