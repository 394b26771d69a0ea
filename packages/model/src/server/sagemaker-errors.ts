import type { ServerResponse } from 'node:http';

/** The error types SageMaker signals in `x-amzn-ErrorType`, which the AWS SDK turns into exceptions. */
export type SageMakerErrorType =
  | 'ModelError'
  | 'ValidationError'
  | 'InternalFailure'
  | 'ThrottlingException'
  | 'ServiceUnavailable'
  | 'UnknownOperationException';

/** Answers with a SageMaker-style error: the type header and a JSON body with `message`. */
export function sendError(
  response: ServerResponse,
  status: number,
  type: SageMakerErrorType,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  if (response.headersSent) return;
  response
    .writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': type })
    .end(JSON.stringify({ message, ...extra }));
}
