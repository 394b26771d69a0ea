import {
  InvokeEndpointCommand,
  type SageMakerRuntimeClient,
} from '@aws-sdk/client-sagemaker-runtime';
import type { EndpointInvoker } from '../core/endpoint-invoker.js';
import { toEndpointError } from './endpoint-errors.js';

/**
 * An {@link EndpointInvoker} on a SageMaker real-time endpoint.
 *
 * @example
 * const invokeEndpoint = createSageMakerInvoker(new SageMakerRuntimeClient({}), 'scones-classifier');
 */
export function createSageMakerInvoker(
  client: SageMakerRuntimeClient,
  endpointName: string,
): EndpointInvoker {
  return async ({ body, contentType }) => {
    try {
      const response = await client.send(
        new InvokeEndpointCommand({
          EndpointName: endpointName,
          Body: body,
          ContentType: contentType,
          Accept: 'application/json',
        }),
      );
      return response.Body ?? new Uint8Array(0);
    } catch (error) {
      throw toEndpointError(error, endpointName);
    }
  };
}
