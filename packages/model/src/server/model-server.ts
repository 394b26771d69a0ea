import { DEFAULT_ENDPOINT_NAME, DEFAULT_VARIANT_NAME } from '@scones/contracts';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataCapture } from '../capture/data-capture.js';
import { ImageDecodeError } from '../preprocess.js';
import { drawEndpointFault, type EndpointFault, type EndpointFaults } from './endpoint-faults.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendError } from './sagemaker-errors.js';

/** What the server needs of a model: the probabilities of one image. */
export interface ImageModel {
  classify(image: Uint8Array): Promise<number[]>;
}

export interface ModelServerOptions {
  model: ImageModel;
  /** The endpoint name the runtime API answers to. Default `scones-classifier`. */
  endpointName?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Captures each request and answer; closed with the server. */
  capture?: DataCapture;
  /** SageMaker real-time endpoints take at most 6 MB. */
  maxRequestBytes?: number;
  /** Fail or delay a share of runtime requests, to test clients and workflows against them. */
  faults?: EndpointFaults;
}

/** The media types SageMaker's built-in image-classification algorithm accepts. */
export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg', 'application/x-image'];
/** The media types it answers in (Accept), as the built-in algorithm does: JSON. */
const ACCEPTED_TYPES = ['application/json', 'application/*', '*/*'];
/** The one production variant, as the runtime API names it in its answer. */
export const PRODUCTION_VARIANT = DEFAULT_VARIANT_NAME;
const SAGEMAKER_MAX_REQUEST_BYTES = 6 * 1024 * 1024;
const RUNTIME_ROUTE = /^\/endpoints\/([^/?]+)\/invocations(?:\?.*)?$/;

/**
 * An HTTP server that answers like a SageMaker endpoint, on both contracts: the runtime API
 * (`POST /endpoints/{name}/invocations`, what the AWS SDK calls) and the container contract
 * (`GET /ping`, `POST /invocations`). It answers in JSON, names the production variant that
 * answered (`X-Amzn-Invoked-Production-Variant`), and carries `x-amzn-ErrorType` on errors, so
 * the SDK raises `ModelError` for an image it cannot decode or an Accept type other than JSON
 * (the container's 406), and `ValidationError` for an unknown endpoint, an unsupported content
 * type or a body over 6 MB
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html).
 *
 * @example
 * const server = await ModelServer.start({ model: await ImageClassifier.load(), port: 8080 });
 * // AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=http://127.0.0.1:8080
 * await server.close();
 */
export class ModelServer {
  /** How many requests got each injected fault so far. */
  readonly faultsInjected: Record<EndpointFault, number> = {
    serverError: 0,
    throttle: 0,
    modelError: 0,
    slow: 0,
  };

  private constructor(
    private readonly server: Server,
    private readonly options: ModelServerOptions,
  ) {}

  static async start(options: ModelServerOptions): Promise<ModelServer> {
    const server = createServer();
    const modelServer = new ModelServer(server, options);
    server.on('request', (request, response) => void modelServer.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return modelServer;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The URL to give the AWS SDK (`AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME`). */
  get url(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }

  get endpointName(): string {
    return this.options.endpointName ?? DEFAULT_ENDPOINT_NAME;
  }

  /** Stops accepting requests, lets those in flight finish, then writes pending captures. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    await this.options.capture?.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    if (request.method === 'GET' && url === '/ping') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('healthy');
      return;
    }
    const runtimeRoute = RUNTIME_ROUTE.exec(url);
    if (request.method === 'POST' && (url === '/invocations' || runtimeRoute)) {
      const endpointName = runtimeRoute ? decodeURIComponent(runtimeRoute[1]) : this.endpointName;
      if (endpointName !== this.endpointName) {
        request.resume();
        sendError(
          response,
          400,
          'ValidationError',
          `Endpoint ${endpointName} of account 000000000000 not found.`,
        );
        return;
      }
      // The runtime API names the variant that answered (X-Amzn-Invoked-Production-Variant).
      if (runtimeRoute) response.setHeader('x-amzn-invoked-production-variant', PRODUCTION_VARIANT);
      await this.invoke(request, response);
      return;
    }
    request.resume();
    sendError(response, 404, 'UnknownOperationException', `No route for ${request.method} ${url}.`);
  }

  private async invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!IMAGE_CONTENT_TYPES.includes(contentType)) {
      request.resume();
      sendError(
        response,
        400,
        'ValidationError',
        `Content type "${contentType || '(none)'}" is not supported; send ${IMAGE_CONTENT_TYPES.join(', ')}.`,
      );
      return;
    }
    const accept = acceptedType(request.headers['accept']);
    if (!accept) {
      request.resume();
      const asked = request.headers['accept'] ?? '';
      sendError(
        response,
        400,
        'ModelError',
        `Received client error (406) from primary with message "Accept type ${asked} is not supported: application/json".`,
        { OriginalStatusCode: 406, OriginalMessage: `Accept type ${asked} is not supported` },
      );
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, this.options.maxRequestBytes ?? SAGEMAKER_MAX_REQUEST_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      response.setHeader('connection', 'close');
      sendError(response, 413, 'ValidationError', `Request body too large: ${error.message}`);
      request.destroy();
      return;
    }
    const fault = this.options.faults && drawEndpointFault(this.options.faults);
    if (fault) {
      this.faultsInjected[fault] += 1;
      if (fault === 'slow') {
        await new Promise((wake) => setTimeout(wake, this.options.faults?.slowMs ?? 2_000));
      } else {
        sendInjectedFault(response, fault);
        return;
      }
    }
    let probabilities: number[];
    try {
      probabilities = await this.options.model.classify(body);
    } catch (error) {
      const message =
        error instanceof ImageDecodeError ? error.message : `Inference failed: ${String(error)}`;
      sendError(
        response,
        400,
        'ModelError',
        `Received client error (400) from primary with message "${message}".`,
        {
          OriginalStatusCode: 400,
          OriginalMessage: message,
        },
      );
      return;
    }
    const answer = Buffer.from(JSON.stringify(probabilities));
    response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    this.options.capture?.record({
      input: { contentType: request.headers['content-type'] ?? contentType, body },
      output: { contentType: 'application/json', body: answer },
      time: new Date(),
    });
  }
}

/** The type to answer in for an Accept header (none, or one that allows JSON), or undefined. */
function acceptedType(accept: string | undefined): string | undefined {
  if (!accept || !accept.trim()) return 'application/json';
  const types = accept.split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  return types.some((type) => ACCEPTED_TYPES.includes(type)) ? 'application/json' : undefined;
}

function sendInjectedFault(response: ServerResponse, fault: Exclude<EndpointFault, 'slow'>): void {
  if (fault === 'serverError') {
    sendError(response, 500, 'InternalFailure', 'Injected fault: internal failure.');
  } else if (fault === 'throttle') {
    sendError(response, 429, 'ThrottlingException', 'Injected fault: rate exceeded.');
  } else {
    sendError(
      response,
      400,
      'ModelError',
      'Received client error (400) from primary with message "Injected fault".',
      { OriginalStatusCode: 400, OriginalMessage: 'Injected fault' },
    );
  }
}
