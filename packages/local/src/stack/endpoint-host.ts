import { DataCapture, ImageClassifier, ModelServer } from '@scones/model';
import { explainListenError } from './stack-errors.js';

const HOST = '127.0.0.1';

/** The local SageMaker endpoint: the model server, which can be stopped and started again. */
export class EndpointHost {
  private server?: ModelServer;

  constructor(
    private readonly classifier: ImageClassifier,
    private readonly endpointName: string,
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
    }).catch(async (error: unknown) => {
      await capture.close();
      throw explainListenError(error, 'the model endpoint', port);
    });
    return this.server;
  }

  /** Stops the server; requests in flight finish and pending captures are written. */
  async stop(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }
}
