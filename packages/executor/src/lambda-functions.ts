/** A Lambda handler run in process: what the function's code exports as `handler`. */
export type LambdaHandler = (event: unknown) => unknown;

const LAMBDA_INVOKE = /^arn:aws[a-z-]*:states:::lambda:invoke(\.waitForTaskToken)?$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+)(:[^:]+)?$/;

/** Whether a Task resource is the optimized `lambda:invoke` integration. */
export function isLambdaInvoke(resource: string): boolean {
  return LAMBDA_INVOKE.test(resource);
}

/** Whether a Task resource is a Lambda function ARN (the older direct form). */
export function isFunctionArn(resource: string): boolean {
  return FUNCTION_ARN.test(resource);
}

/**
 * Finds the handler for a FunctionName as Step Functions accepts it: a name, a full or partial
 * ARN, with or without a version or alias. The exact string wins, then the bare function name.
 */
export function findHandler(
  handlers: Readonly<Record<string, LambdaHandler>>,
  functionName: string,
): LambdaHandler | undefined {
  if (Object.hasOwn(handlers, functionName)) return handlers[functionName];
  const name = FUNCTION_ARN.exec(functionName)?.[1] ?? functionName.split(':')[0];
  return Object.hasOwn(handlers, name) ? handlers[name] : undefined;
}

/**
 * Runs a handler as Lambda would: the event and the result cross a JSON boundary, and a thrown
 * error reaches Step Functions with the error's name as `Error` and, as `Cause`, the JSON that
 * Lambda reports (`{"errorType", "errorMessage"}`).
 */
export async function invokeLocally(handler: LambdaHandler, event: unknown): Promise<unknown> {
  try {
    const result = await handler(jsonRoundTrip(event));
    return result === undefined ? null : jsonRoundTrip(result);
  } catch (error) {
    throw asStepFunctionsError(error);
  }
}

function asStepFunctionsError(error: unknown): Error {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const failure = new Error(JSON.stringify({ errorType: name, errorMessage: message }));
  failure.name = name;
  return failure;
}

function jsonRoundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}
