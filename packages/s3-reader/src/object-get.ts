import http from 'node:http';
import https from 'node:https';
import { s3ErrorFromResponse } from './s3-request-error.js';
import type { S3RequestTarget } from './s3-endpoint.js';

/** How long one request may take, and how large an object it may bring back. */
export interface GetLimits {
  maxBytes: number;
  /** From sending the request to the last byte of the body. */
  timeoutMs: number;
  /** For opening a new connection (a kept-alive one is reused without waiting). */
  connectTimeoutMs: number;
}

/** What one GET brought back: the object, or only its size when that is over the limit. */
export type GetOutcome = { bytes: Uint8Array } | { tooLarge: number };

/** Kept-alive connections, one pool per protocol, shared by every request of a reader. */
export interface ConnectionPools {
  'http:': http.Agent;
  'https:': https.Agent;
}

/**
 * One GET of an S3 object, body included: an S3 error answer rejects with an `S3RequestError`;
 * a stall rejects with a `TimeoutError`, a body shorter than its Content-Length with an
 * `IncompleteBodyError`, a dropped connection with Node's own error (`code` ECONNRESET etc).
 * An object over `maxBytes` is not downloaded.
 *
 * @example
 * const outcome = await getObjectOnce(target, signedHeaders, { maxBytes, timeoutMs: 5_000, connectTimeoutMs: 2_000 }, pools);
 */
export function getObjectOnce(
  target: S3RequestTarget,
  headers: Record<string, string>,
  limits: GetLimits,
  pools: ConnectionPools,
): Promise<GetOutcome> {
  return new Promise((resolve, reject) => {
    const transport = target.protocol === 'https:' ? https : http;
    const request = transport.request({
      method: 'GET',
      hostname: target.hostname,
      ...(target.port ? { port: target.port } : {}),
      path: target.path,
      headers,
      agent: pools[target.protocol],
    });
    const deadline = setTimeout(
      () =>
        request.destroy(namedError('TimeoutError', `no whole answer in ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    const settle =
      <T>(finish: (value: T) => void) =>
      (value: T) => {
        clearTimeout(deadline);
        finish(value);
      };
    const succeed = settle(resolve);
    const fail = settle(reject);

    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const connectDeadline = setTimeout(
        () =>
          request.destroy(
            namedError('TimeoutError', `no connection in ${limits.connectTimeoutMs} ms`),
          ),
        limits.connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(connectDeadline));
      socket.once('close', () => clearTimeout(connectDeadline));
    });
    request.on('error', fail);
    request.on('response', (response) => {
      response.on('error', fail);
      const status = response.statusCode ?? 0;
      const declared = Number(response.headers['content-length'] ?? Number.NaN);
      // Settle before destroying: destroying a response emits 'aborted' at once.
      if (status === 200 && declared > limits.maxBytes) {
        succeed({ tooLarge: declared });
        response.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      // An error body is small; read at most 64 KiB of it.
      const cap = status === 200 ? limits.maxBytes : 65_536;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > cap) {
          if (status === 200) succeed({ tooLarge: received });
          else fail(s3ErrorFromResponse(status, '', response.headers));
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        if (status !== 200) {
          fail(s3ErrorFromResponse(status, body.toString('utf8'), response.headers));
        } else if (!Number.isNaN(declared) && received !== declared) {
          fail(
            namedError('IncompleteBodyError', `got ${received} of ${declared} bytes of the body`),
          );
        } else {
          succeed({ bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) });
        }
      });
      // A connection dropped mid-body ends the response without 'end' or 'error' on some Node versions.
      response.on('aborted', () =>
        fail(namedError('IncompleteBodyError', `connection closed after ${received} bytes`)),
      );
    });
    request.end();
  });
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
