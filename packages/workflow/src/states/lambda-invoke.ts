import type { Catcher, Retrier, TaskState, Transition } from '../asl/types.js';

/** A `lambda:invoke` task whose function returns the `{statusCode, body}` envelope. */
export interface LambdaInvokeTaskProps {
  /** A function name or ARN; any string, so CDK tokens and `${...}` substitutions work. */
  functionName: string;
  timeoutSeconds: number;
  retry: Retrier[];
  catch: Catcher[];
  comment?: string;
}

/**
 * The optimized Lambda integration, passing the state's input as the event and unwrapping the
 * function's envelope (`$.Payload.body`) so the next state gets the bare payload.
 *
 * @example
 * lambdaInvokeTask({ functionName: '${SerializeFunctionArn}', timeoutSeconds: 30, retry: [], catch: [] }, { Next: 'Classify image' });
 */
export function lambdaInvokeTask(props: LambdaInvokeTaskProps, transition: Transition): TaskState {
  return {
    Type: 'Task',
    ...(props.comment ? { Comment: props.comment } : {}),
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: props.functionName, 'Payload.$': '$' },
    OutputPath: '$.Payload.body',
    TimeoutSeconds: props.timeoutSeconds,
    ...(props.retry.length > 0 ? { Retry: props.retry } : {}),
    ...(props.catch.length > 0 ? { Catch: props.catch } : {}),
    ...transition,
  };
}
