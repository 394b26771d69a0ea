import {
  credentialsRefused,
  EndpointModelError,
  EndpointThrottledError,
  EndpointUnavailableError,
  SconesError,
} from '@scones/contracts';

// Error names of the SageMaker runtime API (x-amzn-ErrorType) and their meaning for a caller.
const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException']);
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'InternalFailure',
  'InternalDependencyException',
  'ModelNotReadyException',
]);
// Network-level failures: nothing reached the endpoint or no answer came back.
const NETWORK = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);
// The code is also looked for in the message: the SDK's retry layer may wrap a socket error in a
// plain Error that keeps only its text.
const NETWORK_CODE = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)\b/;

/**
 * Maps an error from `InvokeEndpoint` (by its name and HTTP status; the SDK has already retried
 * what it retries itself) to the named endpoint errors, or to InvalidCredentialsError when
 * SageMaker refused the function's credentials.
 *
 * @example
 * try { await runtime.send(command) } catch (e) { throw toEndpointError(e, 'scones-classifier') }
 */
export function toEndpointError(error: unknown, endpointName: string): Error {
  if (error instanceof SconesError) return error;
  const refused = credentialsRefused(error, 'SageMaker');
  if (refused) return refused;
  const { name, message, status, code } = describe(error);
  const detail = `endpoint "${endpointName}" answered ${name}${status ? ` (HTTP ${status})` : ''}: ${message}`;
  if (THROTTLED.has(name) || status === 429) {
    return new EndpointThrottledError(
      `Throttled: ${detail}. Retry with backoff or raise the endpoint's capacity.`,
      { cause: error },
    );
  }
  if (
    UNAVAILABLE.has(name) ||
    NETWORK.has(name) ||
    NETWORK_CODE.test(`${code} ${message}`) ||
    (status ?? 0) >= 500
  ) {
    return new EndpointUnavailableError(
      `Unavailable: ${detail}. Retry later; check the endpoint is InService.`,
      {
        cause: error,
      },
    );
  }
  if (
    status === undefined &&
    !name.endsWith('Exception') &&
    name !== 'ModelError' &&
    name !== 'ValidationError'
  ) {
    // Not from the service at all: report it unchanged rather than guess.
    return error instanceof Error ? error : new Error(String(error));
  }
  return new EndpointModelError(`Rejected: ${detail}. The same request will fail again.`, {
    cause: error,
  });
}

function describe(error: unknown) {
  const e = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' && e.message ? e.message : String(error),
    status: e.$metadata?.httpStatusCode,
    code: typeof e.code === 'string' ? e.code : '',
  };
}
