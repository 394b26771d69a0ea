import type { ExecutionStatus } from '../executions/execution.js';
import { StepFunctionsError } from '../executions/step-functions-error.js';

/** A request body as the AWS JSON protocol delivers it. */
export type Request = Record<string, unknown>;

// arn:aws:states:<region>:<account>:<resource type>:<name>[:<execution name>]
const STATES_ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):([A-Za-z]+):(.+)$/;

const STATUSES: readonly ExecutionStatus[] = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
];
// PENDING_REDRIVE is valid to ask for; no local execution has it.
const STATUS_FILTERS = [...STATUSES, 'PENDING_REDRIVE'];

/**
 * A request's ARN field of this resource type (`stateMachine`, `execution`), as Step Functions
 * checks it before looking it up: anything else is InvalidArn
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/CommonErrors.html).
 */
export function arnField(
  request: Request,
  field: string,
  resourceTypes: readonly string[],
): string {
  const value = request[field];
  if (value === undefined) throw validation(field, value, 'Member must not be null');
  const match = typeof value === 'string' ? STATES_ARN.exec(value) : null;
  if (!match) throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${String(value)}'`);
  const [, , , resourceType, rest] = match;
  if (!resourceTypes.includes(resourceType))
    throw new StepFunctionsError(
      'InvalidArn',
      `Invalid Arn: 'Resource type not valid in this context: ${resourceType}'`,
    );
  const parts = rest.split(':');
  const expected = resourceType === 'stateMachine' ? 1 : 2;
  if (parts.length !== expected || parts.some((part) => part === ''))
    throw new StepFunctionsError('InvalidArn', `Invalid Arn: '${value as string}'`);
  return value as string;
}

/** `maxResults`: 0 (or absent) means the default page of 100; at most 1,000. */
export function maxResultsField(request: Request): number {
  const value = request['maxResults'];
  if (value === undefined || value === 0) return 100;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw validation('maxResults', value, 'Member must have value greater than or equal to 0');
  if (value > 1000)
    throw validation('maxResults', value, 'Member must have value less than or equal to 1000');
  return value;
}

/** `statusFilter`: one of the execution statuses, or absent. */
export function statusFilterField(request: Request): ExecutionStatus | undefined {
  const value = request['statusFilter'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !STATUS_FILTERS.includes(value))
    throw validation(
      'statusFilter',
      value,
      `Member must satisfy enum value set: [${STATUS_FILTERS.join(', ')}]`,
    );
  return value as ExecutionStatus;
}

/** An optional string field of `min` to `max` characters (the API model's length constraints). */
export function stringField(
  request: Request,
  field: string,
  max: number,
  min = 0,
): string | undefined {
  const value = request[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw validation(field, value, 'Member must be a string');
  const length = [...value].length;
  if (length > max)
    throw validation(field, value, `Member must have length less than or equal to ${max}`);
  if (length < min)
    throw validation(field, value, `Member must have length greater than or equal to ${min}`);
  return value;
}

/** A ValidationException worded as Step Functions words one. */
function validation(field: string, value: unknown, constraint: string): StepFunctionsError {
  return new StepFunctionsError(
    'ValidationException',
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}
