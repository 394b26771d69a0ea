import { DATA_CAPTURE } from '@scones/contracts';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { LocalExecutor, type LambdaHandler } from '@scones/executor';
import {
  DataCapture,
  DEFAULT_ENDPOINT_NAME,
  DEFAULT_MODEL_DIR,
  ImageClassifier,
  s3Sink,
  type EndpointFault,
  type EndpointFaults,
} from '@scones/model';
import { buildBatchDefinition, buildImageClassificationDefinition } from '@scones/workflow';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ExecutionStore } from '../executions/execution-store.js';
import { StepFunctionsServer } from '../sfn-api/step-functions-server.js';
import {
  LOCAL_ACCOUNT,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  awsEnvironment,
  type LocalEndpoints,
} from './aws-environment.js';
import { EndpointHost } from './endpoint-host.js';
import { batchMachine } from './batch-machine.js';
import { startLocalS3Thread } from './s3/local-s3-thread.js';
import { StorageFaultProxy, type StorageFault, type StorageFaults } from './storage-faults.js';
import { StackStartError, assertPortFree, explainListenError } from './stack-errors.js';
import { LOCAL_FUNCTION_NAMES, stepHandlers } from './step-lambdas.js';

export interface LocalStackOptions {
  /** Where local S3 keeps its objects. Default `.scones` in the working directory. */
  dataDir?: string;
  /** Use a temporary folder instead, removed when the stack stops. */
  temporary?: boolean;
  /** The model the endpoint serves. Default: the one @scones/model ships. */
  modelDir?: string;
  bucket?: string;
  endpointName?: string;
  /** 0 (the default) takes any free port. */
  ports?: { s3?: number; model?: number; stepFunctions?: number };
  /** Serve the Step Functions API too (for `scones up` and SDK clients). Default false. */
  stepFunctionsApi?: boolean;
  /** Share of endpoint requests captured. Default 100. */
  captureSamplingPercentage?: number;
  /** The threshold function's THRESHOLD. Default 0.93. */
  threshold?: number;
  /** Replaces the state machine's retry waits (tests); default: the definition's own backoff. */
  retryDelayMs?: number;
  /** Make the endpoint fail or stall a share of requests (see `parseEndpointFaults` of @scones/model). */
  endpointFaults?: EndpointFaults;
  /** Make a share of the step Lambdas' S3 reads fail transiently. */
  storageFaults?: StorageFaults;
  /** The classify function's ENDPOINT_ATTEMPT_TIMEOUT_MS. Default 5,000. */
  endpointAttemptTimeoutMs?: number;
}

export const DEFAULT_BUCKET = 'scones-images';
const NO_STORAGE_FAULTS: Record<StorageFault, number> = { slowDown: 0, internalError: 0, reset: 0 };
export const STATE_MACHINE_NAME = 'scones-image-classification';
/** The same definition as an EXPRESS machine: StartSyncExecution classifies one photo now. */
export const EXPRESS_STATE_MACHINE_NAME = 'scones-image-classification-express';
/** The batch definition (a Distributed Map over an S3 prefix). */
export const BATCH_STATE_MACHINE_NAME = 'scones-batch-classification';
const HOST = '127.0.0.1';

/**
 * The whole workflow on this machine: s3rver for S3, the @scones/model server for the SageMaker
 * endpoint (capturing into local S3), and the single-image definition from @scones/workflow run
 * by the local executor, its tasks mapped to the real Lambda handlers of the three step
 * packages. The handlers reach the local servers only through the AWS SDK's standard endpoint
 * variables, which the stack sets in this process.
 *
 * @example
 * const stack = await LocalStack.start({ temporary: true });
 * await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'a.png', Body: png }));
 * const execution = stack.executions.start(JSON.stringify({ s3_bucket: stack.bucket, s3_key: 'a.png' }));
 * console.log(await stack.executions.completion(execution.executionArn));
 * await stack.stop();
 */
export class LocalStack {
  private constructor(
    readonly bucket: string,
    readonly endpoints: LocalEndpoints,
    readonly dataDir: string,
    readonly s3: S3Client,
    readonly executions: ExecutionStore,
    readonly captureUri: string,
    /** The real step handlers, by the function names the local definitions use. */
    readonly lambdas: Record<string, LambdaHandler>,
    private readonly endpoint: EndpointHost,
    private readonly stops: (() => Promise<void>)[],
    /** The retry waits the stack's executors use, when overridden. */
    readonly retryDelayMs?: number,
    private readonly storageFaultProxy?: StorageFaultProxy,
    /** The SageMaker endpoint's name (ENDPOINT_NAME). */
    readonly endpointName: string = DEFAULT_ENDPOINT_NAME,
  ) {}

  /** How many faults the endpoint and the S3 proxy have injected so far. */
  faultsInjected(): {
    endpoint: Record<EndpointFault, number>;
    storage: Record<StorageFault, number>;
  } {
    return {
      endpoint: this.endpoint.faultsInjected,
      storage: { ...(this.storageFaultProxy?.faultsInjected ?? NO_STORAGE_FAULTS) },
    };
  }

  static async start(options: LocalStackOptions = {}): Promise<LocalStack> {
    const stops: (() => Promise<void>)[] = [];
    const stopAll = async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    };
    try {
      return await LocalStack.startServices(options, stops);
    } catch (error) {
      await stopAll();
      throw error;
    }
  }

  private static async startServices(
    options: LocalStackOptions,
    stops: (() => Promise<void>)[],
  ): Promise<LocalStack> {
    const bucket = options.bucket ?? DEFAULT_BUCKET;
    const endpointName = options.endpointName ?? DEFAULT_ENDPOINT_NAME;
    const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
    if (!existsSync(path.join(modelDir, 'model.onnx'))) {
      throw new StackStartError(
        `No model at ${path.join(modelDir, 'model.onnx')}: pass --model-dir with a folder holding model.onnx and metadata.json, or train one with npx nx run model:train.`,
      );
    }

    const dataDir = options.temporary
      ? await mkdtemp(path.join(tmpdir(), 'scones-'))
      : path.resolve(options.dataDir ?? '.scones');
    const existing = await stat(dataDir).catch(() => undefined);
    if (existing && !existing.isDirectory())
      throw new StackStartError(
        `The data folder ${dataDir} is a file: name a folder (--data-dir), or move the file away.`,
      );
    if (options.temporary) stops.push(() => rm(dataDir, { recursive: true, force: true }));
    await mkdir(path.join(dataDir, 's3'), { recursive: true });

    await assertPortFree(HOST, options.ports?.s3, 'local S3');
    const localS3 = await startLocalS3Thread({
      address: HOST,
      port: options.ports?.s3 ?? 0,
      directory: path.join(dataDir, 's3'),
    }).catch((error: unknown) => {
      throw explainListenError(error, 'local S3', options.ports?.s3);
    });
    stops.push(() => localS3.close());
    const s3Port = localS3.port;
    const s3Endpoint = `http://${HOST}:${s3Port}`;
    const s3 = new S3Client({
      endpoint: s3Endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    stops.push(async () => s3.destroy());
    await s3.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: { name?: string }) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists')
        throw error;
    });

    const captureUri = `s3://${bucket}/${DATA_CAPTURE.prefix}`;
    const classifier = await ImageClassifier.load(modelDir);
    stops.push(() => classifier.close());
    const endpoint = new EndpointHost(
      classifier,
      endpointName,
      options.endpointFaults,
      () =>
        new DataCapture({
          sink: s3Sink(s3, captureUri),
          endpointName,
          samplingPercentage: options.captureSamplingPercentage,
          onError: (error) => console.error(`data capture: ${String(error)}`),
        }),
    );
    const model = await endpoint.start(options.ports?.model ?? 0);
    stops.push(() => endpoint.stop());

    const endpoints: LocalEndpoints = { s3: s3Endpoint, sagemakerRuntime: model.url };
    const storageFaults = options.storageFaults
      ? await StorageFaultProxy.start(s3Endpoint, options.storageFaults, HOST)
      : undefined;
    if (storageFaults) stops.push(() => storageFaults.close());
    // The step Lambdas read through the fault proxy when there is one; the stack itself does not.
    const lambdas = stepHandlers({
      ...awsEnvironment(endpoints),
      ...(storageFaults ? { AWS_ENDPOINT_URL_S3: storageFaults.url } : {}),
      ENDPOINT_NAME: endpointName,
      ...(options.threshold === undefined ? {} : { THRESHOLD: String(options.threshold) }),
      ...(options.endpointAttemptTimeoutMs === undefined
        ? {}
        : { ENDPOINT_ATTEMPT_TIMEOUT_MS: String(options.endpointAttemptTimeoutMs) }),
    });
    const definition = buildImageClassificationDefinition({ functions: LOCAL_FUNCTION_NAMES });
    const singleImage = new LocalExecutor(definition, {
      lambdas,
      retryDelayMs: options.retryDelayMs,
    });
    const arnOf = (name: string) =>
      `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
    const executions = new ExecutionStore(
      [
        {
          name: STATE_MACHINE_NAME,
          arn: arnOf(STATE_MACHINE_NAME),
          definition,
          executor: singleImage,
        },
        // The same definition as an EXPRESS machine, for StartSyncExecution (as deployed on AWS).
        {
          name: EXPRESS_STATE_MACHINE_NAME,
          arn: arnOf(EXPRESS_STATE_MACHINE_NAME),
          definition,
          executor: singleImage,
          type: 'EXPRESS',
        },
        batchMachine({
          name: BATCH_STATE_MACHINE_NAME,
          arn: arnOf(BATCH_STATE_MACHINE_NAME),
          definition: buildBatchDefinition({
            functions: LOCAL_FUNCTION_NAMES,
            results: { bucket, prefix: 'batch-results' },
            maxConcurrency: 8,
          }),
          s3,
          lambdas,
          retryDelayMs: options.retryDelayMs,
        }),
      ],
      // Kept in the data dir: they outlive the stack, and every stack on it sees them.
      { directory: path.join(dataDir, 'executions') },
    );
    stops.push(() => executions.drain());

    if (options.stepFunctionsApi) {
      const api = await StepFunctionsServer.start(executions, {
        host: HOST,
        port: options.ports?.stepFunctions ?? 0,
      }).catch((error: unknown) => {
        throw explainListenError(error, 'the Step Functions API', options.ports?.stepFunctions);
      });
      stops.push(() => api.close());
      endpoints.stepFunctions = api.url;
    }
    return new LocalStack(
      bucket,
      endpoints,
      dataDir,
      s3,
      executions,
      captureUri,
      lambdas,
      endpoint,
      stops,
      options.retryDelayMs,
      storageFaults,
      endpointName,
    );
  }

  /** The single-image STANDARD machine's ARN (StartExecution). */
  get stateMachineArn(): string {
    return this.executions.stateMachine.arn;
  }

  /** The single-image EXPRESS machine's ARN (StartSyncExecution). */
  get expressStateMachineArn(): string {
    return this.executions.stateMachines[1].arn;
  }

  /** The batch machine's ARN (StartExecution with `{"s3_bucket", "s3_prefix"}`). */
  get batchStateMachineArn(): string {
    return this.executions.stateMachines[2].arn;
  }

  /** The variables that point the AWS SDK and CLI at this stack. */
  environment(): Record<string, string> {
    return awsEnvironment(this.endpoints);
  }

  /**
   * Stops the model endpoint and starts it again on the same port, as a deploy or a crash would;
   * requests in the gap fail as an unavailable endpoint and are retried by the state machine.
   */
  async restartEndpoint(downtimeMs = 0): Promise<void> {
    await this.endpoint.stop();
    await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    await this.endpoint.start(Number(new URL(this.endpoints.sagemakerRuntime).port));
  }

  /** Waits for running executions, then stops every server (captures are written first). */
  async stop(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop();
    this.stops.length = 0;
  }
}
