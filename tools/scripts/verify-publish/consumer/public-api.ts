// Touches the public API of every published package, so a type error in any declaration
// (or a subpath that does not resolve) fails the check.
import type { ClassifiedImagePayload, EndpointInvoker } from '@scones/classify';
import {
  classifyHandlerFromEnvironment,
  createClassifyHandler,
  type ClassifyHandler,
} from '@scones/classify/lambda';
import {
  RETRYABLE_ERROR_NAMES,
  readImagePayload,
  type Envelope,
  type ImagePayload,
} from '@scones/contracts';
import { LocalExecutor, type ExecutionResult } from '@scones/executor';
import type { ImageClassificationWorkflowProps } from '@scones/infra';
import { LocalStack, type ClassificationResult } from '@scones/local';
import { ImageClassifier, ModelServer, type CaptureRecord } from '@scones/model';
import type { SerializedImagePayload } from '@scones/serialize';
import { handler as serialize, serializeHandlerFromEnvironment } from '@scones/serialize/lambda';
import type { ConfidentImagePayload } from '@scones/threshold';
import { createThresholdHandler, thresholdHandlerFromEnvironment } from '@scones/threshold/lambda';
import {
  buildImageClassificationDefinition,
  definitionToJson,
  toMermaid,
  type StateMachineDefinition,
} from '@scones/workflow';

const definition: StateMachineDefinition = buildImageClassificationDefinition({
  functions: { serialize: 's', classify: 'c', threshold: 't' },
  lowConfidence: {
    mode: 'review',
    target: { queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/review' },
  },
});
export const json: string = definitionToJson(definition) + toMermaid(definition);
export const retryable: readonly string[] = RETRYABLE_ERROR_NAMES;
export const infra: ImageClassificationWorkflowProps = {
  endpoint: { model: { modelDataUrl: 's3://m/model.tar.gz' } },
  threshold: 0.9,
};
export const invoke: EndpointInvoker = async () => '[0.5, 0.5]';
export const classify: ClassifyHandler = createClassifyHandler(
  { endpointName: 'e', labels: ['a', 'b'], maxImageBytes: 1 },
  invoke,
  async () => new Uint8Array(0),
);
export const threshold = createThresholdHandler({ threshold: 0.9, labels: ['a', 'b'] });
// Handlers of one's own, from an environment other than the process's.
const env = { AWS_REGION: 'eu-west-1', ENDPOINT_NAME: 'e', THRESHOLD: '0.9' };
export const fromEnvironment: [ClassifyHandler, typeof serialize, typeof threshold] = [
  classifyHandlerFromEnvironment(env),
  serializeHandlerFromEnvironment(env),
  thresholdHandlerFromEnvironment(env),
];
export const payload: ImagePayload = readImagePayload({ s3_bucket: 'b', s3_key: 'k' });
export async function run(): Promise<
  [
    Envelope<SerializedImagePayload>,
    ExecutionResult,
    ClassificationResult[],
    CaptureRecord[],
    ClassifiedImagePayload[],
    ConfidentImagePayload[],
  ]
> {
  const result = await new LocalExecutor(definition, { lambdas: { s: serialize } }).execute(
    payload,
  );
  const classifier = await ImageClassifier.load();
  await (await ModelServer.start({ model: classifier })).close();
  await (await LocalStack.start({ temporary: true })).stop();
  return [await serialize(payload), result, [], [], [], []];
}
