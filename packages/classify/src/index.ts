/**
 * @scones/classify: step 2 of the Scones workflow, as a pure function.
 *
 * @example
 * import { classifyImage } from '@scones/classify';
 * const body = await classifyImage(payload, { invokeEndpoint, readObject });
 */
export {
  classifyImage,
  type ClassifyOptions,
  type ClassifiedImagePayload,
} from './core/classify-image.js';
export { parseInference, type Inference } from './core/inferences.js';
export type { EndpointInvoker, EndpointRequest } from './core/endpoint-invoker.js';
