import { allStates } from './task-states.js';

/** The resource of the stand-in Tasks below; never sent anywhere. */
export const PASS_RESULT_RESOURCE = 'arn:aws:states:::pass';

/**
 * aws-local-stepfunctions 3.0.0 ignores a Pass state's `Result` when it is falsy (`""`, `0`,
 * `false`, `null`) and passes the input on instead, unlike Step Functions. This turns each such
 * Pass state of a (copied) definition into a Task that returns the Result, which the interpreter
 * then places with ResultPath and OutputPath exactly as AWS would, and returns those Results by
 * state name.
 */
export function replaceFalsyPassResults(definition: object): Record<string, unknown> {
  const results: Record<string, unknown> = {};
  for (const [name, state] of allStates(definition)) {
    if (state['Type'] === 'Pass' && 'Result' in state && !state['Result']) {
      results[name] = state['Result'];
      state['Type'] = 'Task';
      state['Resource'] = PASS_RESULT_RESOURCE;
      delete state['Result'];
      delete state['Parameters'];
    }
  }
  return results;
}
