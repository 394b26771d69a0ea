import {
  DataCapture,
  ImageClassifier,
  ModelServer,
  type EndpointFault,
  type EndpointFaults,
} from '@scones/model';
import { explainListenError } from './stack-errors.js';

const HOST = '127.0.0.1';

/** The local SageMaker endpoint: the model server, which can be stopped and started again. */
export class EndpointHost {
  private server?: ModelServer;
  // Faults injected by the servers already stopped.
  private readonly pastFaults: Record<EndpointFault, number> = {
    serverError: 0,
    throttle: 0,
    modelError: 0,
    slow: 0,
  };

  constructor(
    private readonly classifier: ImageClassifier,
    private readonly endpointName: string,
    private readonly faults: EndpointFaults | undefined,
    private readonly newCapture: () => DataCapture,
  ) {}

  /** Starts the server (with a fresh data capture) on a port; 0 takes any free one. */
  async start(port: number): Promise<ModelServer> {
    const capture = this.newCapture();
    this.server = await ModelServer.start({
      model: this.classifier,
      endpointName: this.endpointName,
      host: HOST,
      port,
      capture,
      ...(this.faults ? { faults: this.faults } : {}),
    }).catch(async (error: unknown) => {
      await capture.close();
      throw explainListenError(error, 'the model endpoint', port);
    });
    return this.server;
  }

  /** Stops the server; requests in flight finish and pending captures are written. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
    if (server) {
      for (const [fault, count] of Object.entries(server.faultsInjected)) {
        this.pastFaults[fault as EndpointFault] += count;
      }
    }
  }

  /** Faults injected by every server this host has started. */
  get faultsInjected(): Record<EndpointFault, number> {
    const current = this.server?.faultsInjected;
    const total = { ...this.pastFaults };
    for (const fault of Object.keys(total) as EndpointFault[])
      total[fault] += current?.[fault] ?? 0;
    return total;
  }
}
