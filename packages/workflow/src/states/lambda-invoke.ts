import type { Catcher, Retrier, Transition } from '../asl/types.js';
import { arnInAccount, type TaskWithPermissions } from '../permissions/task-permission.js';

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
 * function's envelope (`$.Payload.body`) so the next state gets the bare payload. It needs
 * `lambda:InvokeFunction` on that function (Step Functions' "IAM policies for invoking AWS
 * Lambda"; the unqualified ARN is what the task calls).
 *
 * @example
 * const { state, permissions } = lambdaInvokeTask(
 *   { functionName: '${SerializeFunctionArn}', timeoutSeconds: 30, retry: [], catch: [] },
 *   { Next: 'Classify image' },
 * );
 */
export function lambdaInvokeTask(
  props: LambdaInvokeTaskProps,
  transition: Transition,
): TaskWithPermissions {
  return {
    state: {
      Type: 'Task',
      ...(props.comment ? { Comment: props.comment } : {}),
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: props.functionName, 'Payload.$': '$' },
      OutputPath: '$.Payload.body',
      TimeoutSeconds: props.timeoutSeconds,
      ...(props.retry.length > 0 ? { Retry: props.retry } : {}),
      ...(props.catch.length > 0 ? { Catch: props.catch } : {}),
      ...transition,
    },
    permissions: [
      { actions: ['lambda:InvokeFunction'], resources: [functionArn(props.functionName)] },
    ],
  };
}

// A bare name is a function of the machine's own account and region; ARNs, tokens and
// placeholders are taken as they are.
function functionArn(functionName: string): string {
  return /^[\w-]+$/.test(functionName)
    ? arnInAccount('lambda', `function:${functionName}`)
    : functionName;
}
