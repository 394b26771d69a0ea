import {
  DEFAULT_CLASS_LABELS,
  checkImage,
  locationOf,
  type ImagePayload,
  type ObjectReader,
} from '@scones/contracts';
import type { EndpointInvoker } from './endpoint-invoker.js';
import { parseInference, type Inference } from './inferences.js';
import { readImageBytes } from './image-bytes.js';

/** What classifyImage needs. */
export interface ClassifyOptions {
  /** Sends the image to the model. */
  invokeEndpoint: EndpointInvoker;
  /** Reads images that serialize left in S3 (empty `image_data`). */
  readObject?: ObjectReader;
  /** The endpoint's classes in class-index order. Default: bicycle, motorcycle. */
  labels?: readonly string[];
  /** Larger images are refused with ImageTooLargeError. Default 6 MiB. */
  maxImageBytes?: number;
  /** Images declaring more pixels are refused from their header. Default 40 megapixels. */
  maxImagePixels?: number;
}

/** The payload after step 2. */
export type ClassifiedImagePayload = ImagePayload & Inference;

/**
 * Step 2: sends the image to the endpoint with its media type and adds the endpoint's
 * `inferences`, the predicted `label` and its `confidence` to the payload.
 *
 * @throws InvalidEventError (bad image_data), UnsupportedImageError, ImageTooLargeError, the
 *   invoker's endpoint errors, InvalidInferenceError
 * @example
 * const body = await classifyImage(serializedPayload, {
 *   invokeEndpoint: async () => '[0.97, 0.03]',
 * });
 * body.label; // 'bicycle'
 */
export async function classifyImage(
  payload: ImagePayload,
  options: ClassifyOptions,
): Promise<ClassifiedImagePayload> {
  const bytes = await readImageBytes(payload, options.readObject, options.maxImageBytes);
  const { contentType } = checkImage(bytes, locationOf(payload), {
    maxBytes: options.maxImageBytes,
    maxPixels: options.maxImagePixels,
  });
  const answer = await options.invokeEndpoint({ body: bytes, contentType });
  return { ...payload, ...parseInference(answer, options.labels ?? DEFAULT_CLASS_LABELS) };
}
