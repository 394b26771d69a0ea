// The reader against a scripted HTTP server that fails the way S3 and networks do: each request
// is answered by the next entry of a script, so a test says exactly what S3 does when.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ObjectReader } from '@scones/contracts';
import { createS3ObjectReader } from '../../src/index.js';

type Answer = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const OBJECT = Buffer.from('the bytes of a photo');
const ok: Answer = (_request, response) => response.end(OBJECT);
const s3Error =
  (status: number, code: string): Answer =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/xml' });
    response.end(`<Error><Code>${code}</Code><Message>${code} for the test</Message></Error>`);
  };
const stall: Answer = () => undefined;
const truncate: Answer = (_request, response) => {
  response.writeHead(200, { 'content-length': String(OBJECT.length) });
  response.write(OBJECT.subarray(0, 5));
  setTimeout(() => response.destroy(), 10);
};
const reset: Answer = (request) => request.socket.destroy();

let server: http.Server;
let script: Answer[] = [];
let received: http.IncomingMessage[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    received.push(request);
    (script.shift() ?? s3Error(500, 'NoMoreScript'))(request, response);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

beforeEach(() => {
  script = [];
  received = [];
});

function reader(overrides: { sessionToken?: string } = {}): ObjectReader {
  return createS3ObjectReader({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: () => ({ accessKeyId: 'AKID', secretAccessKey: 'secret', ...overrides }),
    attemptTimeoutMs: 300,
    retryBaseDelayMs: 1,
  });
}

const read = (readObject: ObjectReader) =>
  readObject({ bucket: 'scones-images', key: 'test/a b.png', maxBytes: 1_000 });

describe('createS3ObjectReader when S3 or the network fails', () => {
  it('sends one signed, path-style GET and returns the body', async () => {
    script = [ok];
    expect(Buffer.from(await read(reader({ sessionToken: 'T' })))).toEqual(OBJECT);
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.url).toBe('/scones-images/test/a%20b.png');
    expect(request?.headers).toMatchObject({
      authorization: expect.stringMatching(
        /^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/s3\//,
      ),
      'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-security-token': 'T',
    });
  });

  it.each([
    ['503 SlowDown', s3Error(503, 'SlowDown')],
    ['500 InternalError', s3Error(500, 'InternalError')],
    ['a stalled answer', stall],
    ['a body cut short', truncate],
    ['a reset connection', reset],
  ])('retries %s and returns the object when S3 recovers', async (_case, fault) => {
    script = [fault, fault, ok];
    expect(Buffer.from(await read(reader()))).toEqual(OBJECT);
    expect(received).toHaveLength(3);
  });

  it('gives up after three attempts with the retryable StorageUnavailableError', async () => {
    script = [s3Error(503, 'SlowDown'), s3Error(503, 'SlowDown'), s3Error(503, 'SlowDown'), ok];
    await expect(read(reader())).rejects.toMatchObject({
      name: 'StorageUnavailableError',
      retryable: true,
      message: expect.stringContaining('HTTP 503 SlowDown'),
    });
    expect(received).toHaveLength(3);
  });

  it('names a stall that lasts every attempt a StorageUnavailableError too', async () => {
    script = [stall, stall, stall];
    await expect(read(reader())).rejects.toMatchObject({
      name: 'StorageUnavailableError',
      message: expect.stringContaining('no whole answer in 300 ms'),
    });
  });

  it.each([
    ['AccessDenied', 403, 'ImageAccessDeniedError'],
    ['NoSuchKey', 404, 'ImageNotFoundError'],
  ])('does not retry %s', async (code, status, name) => {
    script = [s3Error(status, code), ok];
    await expect(read(reader())).rejects.toMatchObject({ name });
    expect(received).toHaveLength(1);
  });

  it('does not download an object whose Content-Length is over the limit', async () => {
    script = [
      (_request, response) => {
        response.writeHead(200, { 'content-length': '5000' });
        response.write(Buffer.alloc(100));
      },
    ];
    await expect(read(reader())).rejects.toMatchObject({
      name: 'ImageTooLargeError',
      message: expect.stringContaining('5000 bytes; the limit is 1000 bytes'),
    });
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    script = [
      (_request, response) => {
        response.writeHead(200, { 'transfer-encoding': 'chunked' });
        response.write(Buffer.alloc(600));
        response.write(Buffer.alloc(600));
      },
    ];
    await expect(read(reader())).rejects.toMatchObject({ name: 'ImageTooLargeError' });
  });

  it('fails fast with StorageUnavailableError when nothing listens', async () => {
    const nowhere = createS3ObjectReader({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:1',
      credentials: () => ({ accessKeyId: 'AKID', secretAccessKey: 'secret' }),
      retryBaseDelayMs: 1,
    });
    await expect(read(nowhere)).rejects.toMatchObject({ name: 'StorageUnavailableError' });
  });
});
