import {
  InvalidCredentialsError,
  EndpointModelError,
  EndpointThrottledError,
  EndpointUnavailableError,
} from '@scones/contracts';
import { toEndpointError } from '../../src/lambda/endpoint-errors.js';

function serviceError(name: string, httpStatusCode?: number, code?: string): Error {
  return Object.assign(new Error(`${name} happened`), {
    name,
    code,
    $metadata: { httpStatusCode },
  });
}

describe('toEndpointError', () => {
  it.each([
    ['ModelError', 424, EndpointModelError],
    ['ValidationError', 400, EndpointModelError],
    ['ThrottlingException', 429, EndpointThrottledError],
    ['ServiceUnavailable', 503, EndpointUnavailableError],
    ['InternalFailure', 500, EndpointUnavailableError],
    ['ModelNotReadyException', 429, EndpointThrottledError],
    ['SageMakerRuntimeServiceException', 502, EndpointUnavailableError],
    ['TimeoutError', undefined, EndpointUnavailableError],
  ])('maps %s (HTTP %s)', (name, status, expected) => {
    const mapped = toEndpointError(serviceError(name, status), 'scones-classifier');
    expect(mapped).toBeInstanceOf(expected);
    expect(mapped.message).toContain('endpoint "scones-classifier" answered');
  });

  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/CommonErrors.html
  it.each([
    ['UnrecognizedClientException', 403],
    ['InvalidSignatureException', 400],
    ['ExpiredTokenException', 403],
  ])(
    'maps %s to InvalidCredentialsError: the function is misconfigured, not the endpoint',
    (name, status) => {
      const mapped = toEndpointError(serviceError(name, status), 'scones-classifier');
      expect(mapped).toBeInstanceOf(InvalidCredentialsError);
      expect(mapped.message).toMatch(/^SageMaker refused this function's credentials/);
    },
  );

  it('maps a refused connection to EndpointUnavailableError', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(toEndpointError(refused, 'ep')).toBeInstanceOf(EndpointUnavailableError);
  });

  it('leaves a programming error alone', () => {
    const bug = new TypeError('x is not a function');
    expect(toEndpointError(bug, 'ep')).toBe(bug);
  });
});

it('recognises a socket error that the SDK wrapped into its message', () => {
  const wrapped = new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1');
  expect(toEndpointError(wrapped, 'ep')).toBeInstanceOf(EndpointUnavailableError);
});
