import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StepFunctionsError, type ExecutionStore } from '../executions/execution-store.js';
import { OPERATIONS } from './operations.js';

const TARGET_PREFIX = 'AWSStepFunctions.';

/**
 * Serves a subset of the Step Functions API (the AWS JSON 1.0 protocol `@aws-sdk/client-sfn`
 * speaks, as do boto3 and the AWS CLI) for the store's state machines: StartExecution,
 * StartSyncExecution, StopExecution, DescribeExecution, ListExecutions, GetExecutionHistory,
 * DescribeStateMachine, ListStateMachines (see OPERATIONS).
 *
 * @example
 * const server = await StepFunctionsServer.start(store, { port: 8083 });
 * // AWS_ENDPOINT_URL_SFN=http://127.0.0.1:8083
 */
export class StepFunctionsServer {
  private constructor(private readonly server: Server) {}

  static async start(
    store: ExecutionStore,
    { host = '127.0.0.1', port = 0 } = {},
  ): Promise<StepFunctionsServer> {
    const server = createServer((request, response) => void handle(store, request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new StepFunctionsServer(server);
  }

  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address}:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }
}

async function handle(
  store: ExecutionStore,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX)
      ? OPERATIONS[target.slice(TARGET_PREFIX.length)]
      : undefined;
    const body = await readJson(request);
    if (request.method !== 'POST' || !operation) {
      throw new StepFunctionsError(
        'UnknownOperationException',
        `The local stack does not serve "${target || request.url}".`,
      );
    }
    send(response, 200, await operation(store, body));
  } catch (error) {
    if (error instanceof StepFunctionsError)
      send(response, 400, { __type: error.type, message: error.message });
    else send(response, 500, { __type: 'InternalFailure', message: String(error) });
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new StepFunctionsError('SerializationException', 'The request body is not JSON.');
  }
}

function send(response: ServerResponse, status: number, body: object): void {
  response
    .writeHead(status, { 'content-type': 'application/x-amz-json-1.0' })
    .end(JSON.stringify(body));
}
