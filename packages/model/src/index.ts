/**
 * @scones/model: the local stand-in for the Scones SageMaker endpoint.
 *
 * @example
 * import { ImageClassifier, ModelServer } from '@scones/model';
 * const server = await ModelServer.start({ model: await ImageClassifier.load(), port: 8080 });
 */
export { ImageClassifier, type ClassifierOptions } from './classifier.js';
export {
  DEFAULT_MODEL_DIR,
  ModelMetadataSchema,
  readModelMetadata,
  type ModelMetadata,
} from './metadata.js';
export { ImageDecodeError, MAX_INPUT_PIXELS, softmax, toInputTensor } from './preprocess.js';
export { DEFAULT_ENDPOINT_NAME } from '@scones/contracts';
export {
  IMAGE_CONTENT_TYPES,
  ModelServer,
  type ImageModel,
  type ModelServerOptions,
} from './server/model-server.js';
export {
  drawEndpointFault,
  parseEndpointFaults,
  type EndpointFault,
  type EndpointFaults,
} from './server/endpoint-faults.js';
export { drawFault, parseFaultShares, type FaultShares } from './server/fault-shares.js';
export { DataCapture, type DataCaptureOptions } from './capture/data-capture.js';
export {
  CAPTURE_CONTENT_TYPES,
  captureRecord,
  type CaptureEncoding,
  type CaptureRecord,
  type CapturedPayload,
  type Exchange,
} from './capture/capture-record.js';
export { folderSink, s3Sink, type CaptureSink } from './capture/capture-sink.js';
export {
  evaluate,
  type Evaluation,
  type EvaluationOptions,
  type LabelledModel,
} from './evaluate.js';
export { isValidationPath, readList, type ListEntry } from './dataset-list.js';
