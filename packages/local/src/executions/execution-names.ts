import { StepFunctionsError } from './step-functions-error.js';

// What StartExecution refuses in a name (API_StartExecution, `name`): whitespace, brackets,
// wildcards, these special characters, and control characters.
// eslint-disable-next-line no-control-regex -- control characters are among what AWS refuses
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/**
 * Checks an execution name as Step Functions does: 1 to 80 characters, none of those above
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
 *
 * @throws StepFunctionsError InvalidName
 * @example
 * checkExecutionName('run.2024-01'); // fine, as is 'run@host'
 */
export function checkExecutionName(name: string): void {
  const length = [...name].length;
  if (length < 1 || length > 80 || FORBIDDEN.test(name))
    throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
}
