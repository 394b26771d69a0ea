import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { drawFault, parseFaultShares } from '@scones/model';

export type StorageFault = 'slowDown' | 'internalError' | 'reset';

/** Shares (0 to 1) of object reads that fail the way S3 fails transiently. */
export interface StorageFaults {
  /** Answered 503 `SlowDown`. */
  slowDown?: number;
  /** Answered 500 `InternalError`. */
  internalError?: number;
  /** The connection is dropped without an answer. */
  reset?: number;
  /** Draws the faults; replaceable for tests. Default Math.random. */
  random?: () => number;
}

/**
 * Reads `503=0.1,500=0.05,reset=0.05`: what `scones --storage-faults` takes.
 *
 * @example
 * parseStorageFaults('503=0.2'); // { slowDown: 0.2 }
 */
export function parseStorageFaults(spec: string): StorageFaults {
  return parseFaultShares<StorageFault>(spec, {
    '503': 'slowDown',
    '500': 'internalError',
    reset: 'reset',
  }).shares;
}

/**
 * A proxy in front of the local S3 that fails a share of object reads (GET) as S3 does on a bad
 * day, and passes everything else through untouched. The step Lambdas are pointed at it; the
 * stack's own uploads, listings and data capture go to S3 directly.
 *
 * @example
 * const proxy = await StorageFaultProxy.start('http://127.0.0.1:4569', { slowDown: 0.1 });
 * // AWS_ENDPOINT_URL_S3=proxy.url
 */
export class StorageFaultProxy {
  /** How many reads got each fault so far. */
  readonly faultsInjected: Record<StorageFault, number> = {
    slowDown: 0,
    internalError: 0,
    reset: 0,
  };

  private constructor(private readonly server: http.Server) {}

  static async start(
    target: string,
    faults: StorageFaults,
    host = '127.0.0.1',
  ): Promise<StorageFaultProxy> {
    const upstream = new URL(target);
    const agent = new http.Agent({ keepAlive: true });
    const server = http.createServer();
    const proxy = new StorageFaultProxy(server);
    const { slowDown, internalError, reset } = faults;
    server.on('request', (request, response) => {
      const fault =
        request.method === 'GET'
          ? drawFault({ slowDown, internalError, reset }, faults.random)
          : undefined;
      if (fault) {
        proxy.faultsInjected[fault] += 1;
        answerWithFault(request, response, fault);
        return;
      }
      const forwarded = http.request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: request.headers,
          agent,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', () => response.destroy());
      request.pipe(forwarded);
    });
    server.on('close', () => agent.destroy());
    await new Promise<void>((listening) => server.listen(0, host, listening));
    return proxy;
  }

  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((closed) => this.server.close(closed));
  }
}

function answerWithFault(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  fault: StorageFault,
): void {
  request.resume();
  if (fault === 'reset') {
    request.socket.destroy();
    return;
  }
  const [status, code] = fault === 'slowDown' ? [503, 'SlowDown'] : [500, 'InternalError'];
  response
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>Injected fault.</Message></Error>`,
    );
}
