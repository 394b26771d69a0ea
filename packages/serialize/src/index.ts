/**
 * @scones/serialize: step 1 of the Scones workflow, as a pure function.
 *
 * @example
 * import { serializeImage } from '@scones/serialize';
 * const body = await serializeImage(payload, { readObject });
 */
export {
  serializeImage,
  type SerializeOptions,
  type SerializedImagePayload,
} from './core/serialize-image.js';
