/**
 * @scones/contracts: the payload that flows between the Scones workflow steps, the tolerant
 * envelope reader, the image-format check and the named errors. No AWS SDK.
 *
 * @example
 * import { readImagePayload, toEnvelope } from '@scones/contracts';
 * const payload = readImagePayload(event); // any accepted shape
 * return toEnvelope({ ...payload, label: 'bicycle' });
 */
export * from './errors.js';
export * from './limits.js';
export * from './labels.js';
export * from './endpoint.js';
export * from './payload.js';
export * from './envelope.js';
export * from './step-input.js';
export { withCanonicalNames } from './record-aliases.js';
export * from './first-event.js';
export * from './file-format.js';
export * from './image-format.js';
export * from './image-check.js';
export * from './aws-credentials.js';
export * from './object-reader.js';
export * from './config.js';
