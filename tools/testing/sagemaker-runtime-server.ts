// A small HTTP server speaking the SageMaker runtime protocol (POST /endpoints/{name}/invocations,
// errors signalled by the x-amzn-ErrorType header), scripted by each test.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Invocation {
  endpointName: string;
  contentType: string | undefined;
  accept: string | undefined;
  body: Buffer;
}

export interface ScriptedAnswer {
  status?: number;
  /** Sent as x-amzn-ErrorType, as SageMaker does for errors. */
  errorType?: string;
  body: string;
  /** Answer only after this long. */
  delayMs?: number;
}

export type Responder = (invocation: Invocation) => ScriptedAnswer;

export interface SageMakerRuntimeServer {
  endpoint: string;
  invocations: Invocation[];
  /** Replaces how the server answers. */
  answer(responder: Responder): void;
  stop(): Promise<void>;
}

/** Answers every request with the JSON of these probabilities. */
export function probabilities(...values: number[]): Responder {
  return () => ({ body: JSON.stringify(values) });
}

/** Answers with a SageMaker-style error. */
export function failure(status: number, errorType: string | undefined, message: string): Responder {
  return () => ({ status, errorType, body: JSON.stringify({ message }) });
}

const ROUTE = /^\/endpoints\/([^/]+)\/invocations$/;

export async function startSageMakerRuntimeServer(
  responder: Responder,
): Promise<SageMakerRuntimeServer> {
  let respond = responder;
  const invocations: Invocation[] = [];
  const server = createServer(async (request, response) => {
    const match = request.method === 'POST' ? ROUTE.exec(request.url ?? '') : null;
    const body = await readBody(request);
    if (!match) {
      response.writeHead(404, { 'x-amzn-ErrorType': 'UnknownOperationException' }).end('{}');
      return;
    }
    const invocation: Invocation = {
      endpointName: decodeURIComponent(match[1]),
      contentType: request.headers['content-type'],
      accept: request.headers['accept'],
      body,
    };
    invocations.push(invocation);
    const answer = respond(invocation);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (answer.errorType) headers['x-amzn-ErrorType'] = answer.errorType;
    response.writeHead(answer.status ?? 200, headers).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    invocations,
    answer(next) {
      respond = next;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
