import type { ImageContentType } from '@scones/contracts';

/** One request to the model endpoint: the image and its media type. */
export interface EndpointRequest {
  body: Uint8Array;
  contentType: ImageContentType;
}

/**
 * The port through which classify reaches the model. An implementation returns the endpoint's
 * answer as bytes or text, and throws EndpointModelError, EndpointThrottledError or
 * EndpointUnavailableError when the endpoint fails.
 *
 * @example
 * const invokeEndpoint: EndpointInvoker = async () => '[0.97, 0.03]';
 */
export type EndpointInvoker = (request: EndpointRequest) => Promise<Uint8Array | string>;
