import type { ExecutionEvent, TaskAttempt } from '@scones/executor';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../stack/aws-environment.js';
import type { Execution, ExecutionRecord } from './execution.js';

/** A history event as GetExecutionHistory returns it. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

export interface HistoryOptions {
  /** Leave out inputs, outputs and parameters (GetExecutionHistory `includeExecutionData`). */
  includeExecutionData?: boolean;
}

/** The role the local state machines report, as IAM ARNs are written: no region. */
export const LOCAL_ROLE_ARN = `arn:aws:iam::${LOCAL_ACCOUNT}:role/scones-local-state-machine`;

const json = (value: unknown) => JSON.stringify(value ?? null);
const NOT_TRUNCATED = { truncated: false };

/**
 * An execution's history as Step Functions writes it
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html):
 * ExecutionStarted; `<Type>StateEntered` and `<Type>StateExited` for every state; for a Task,
 * each call to its resource (every retry another) as TaskScheduled, TaskStarted and
 * TaskSucceeded or TaskFailed; then ExecutionSucceeded, ExecutionFailed, ExecutionAborted or
 * ExecutionTimedOut. Inputs and outputs are JSON strings.
 *
 * @example
 * executionHistory(execution, store.record(execution.executionArn), { includeExecutionData: false });
 */
export function executionHistory(
  execution: Execution,
  record: ExecutionRecord,
  options: HistoryOptions = {},
): HistoryEvent[] {
  const withData = options.includeExecutionData ?? true;
  const data = (fields: Record<string, unknown>) => (withData ? fields : {});
  const events: HistoryEvent[] = [];
  const add = (timestamp: number, type: string, details: Record<string, unknown>) =>
    events.push({
      id: events.length + 1,
      previousEventId: events.length,
      timestamp: timestamp / 1000,
      type,
      ...details,
    });
  const attempts = new Map<string, TaskAttempt[]>();
  for (const attempt of record.taskAttempts) {
    const queue = attempts.get(attempt.state) ?? [];
    queue.push(attempt);
    attempts.set(attempt.state, queue);
  }
  const addAttempt = (state: ExecutionEvent['state']) => {
    const attempt = state && attempts.get(state.name)?.shift();
    if (!attempt) return;
    const resource = taskResource(attempt.resource);
    add(attempt.startedAt, 'TaskScheduled', {
      taskScheduledEventDetails: {
        ...resource,
        region: LOCAL_REGION,
        ...data({ parameters: json(attempt.parameters) }),
      },
    });
    add(attempt.startedAt, 'TaskStarted', { taskStartedEventDetails: resource });
    const ended = attempt.endedAt ?? attempt.startedAt;
    if (attempt.error === undefined)
      add(ended, 'TaskSucceeded', {
        taskSucceededEventDetails: {
          ...resource,
          ...data({ output: json(attempt.output), outputDetails: NOT_TRUNCATED }),
        },
      });
    else
      add(ended, 'TaskFailed', {
        taskFailedEventDetails: { ...resource, error: attempt.error, cause: attempt.cause ?? '' },
      });
  };

  for (const event of record.events) {
    const state = event.state;
    switch (event.type) {
      case 'ExecutionStarted':
        add(event.timestamp, 'ExecutionStarted', {
          executionStartedEventDetails: {
            ...data({ input: execution.input, inputDetails: NOT_TRUNCATED }),
            roleArn: LOCAL_ROLE_ARN,
          },
        });
        break;
      case 'StateEntered':
        add(event.timestamp, `${state?.type}StateEntered`, {
          stateEnteredEventDetails: {
            name: state?.name,
            ...data({ input: json(state?.input), inputDetails: NOT_TRUNCATED }),
          },
        });
        break;
      case 'StateRetried':
      case 'StateFailed':
        if (state?.type === 'Task') addAttempt(state);
        break;
      case 'StateExited':
        if (state?.type === 'Task') addAttempt(state);
        add(event.timestamp, `${state?.type}StateExited`, {
          stateExitedEventDetails: {
            name: state?.name,
            ...data({ output: json(state?.output), outputDetails: NOT_TRUNCATED }),
          },
        });
        break;
      case 'MapRunStarted':
        add(event.timestamp, 'MapRunStarted', {
          mapRunStartedEventDetails: { mapRunArn: event['mapRunArn'] },
        });
        break;
      case 'MapRunSucceeded':
        add(event.timestamp, 'MapRunSucceeded', {});
        break;
      case 'MapRunFailed':
        add(event.timestamp, 'MapRunFailed', {
          mapRunFailedEventDetails: { error: event.Error, cause: String(event.Cause ?? '') },
        });
        break;
      case 'ExecutionSucceeded':
        add(event.timestamp, 'ExecutionSucceeded', {
          executionSucceededEventDetails: data({
            output: execution.output,
            outputDetails: NOT_TRUNCATED,
          }),
        });
        break;
      case 'ExecutionFailed':
        add(event.timestamp, 'ExecutionFailed', {
          executionFailedEventDetails: { error: execution.error, cause: execution.cause },
        });
        break;
      case 'ExecutionTimeout':
        add(event.timestamp, 'ExecutionTimedOut', {
          executionTimedOutEventDetails: { error: 'States.Timeout' },
        });
        break;
      case 'ExecutionAborted':
        add(event.timestamp, 'ExecutionAborted', {
          executionAbortedEventDetails: { error: execution.error, cause: execution.cause },
        });
        break;
    }
  }
  // A stop can end an execution before the interpreter reports it: the history still ends.
  if (execution.status === 'ABORTED' && events.at(-1)?.type !== 'ExecutionAborted')
    add(execution.stopDate?.getTime() ?? Date.now(), 'ExecutionAborted', {
      executionAbortedEventDetails: { error: execution.error, cause: execution.cause },
    });
  return events;
}

/** `arn:aws:states:::lambda:invoke` as history names it: resource type `lambda`, resource `invoke`. */
function taskResource(resource: string): { resourceType: string; resource: string } {
  const integration = /^arn:aws:states:::(.+):([^:]+)$/.exec(resource);
  if (integration) return { resourceType: integration[1], resource: integration[2] };
  // A function ARN as the Resource: a Lambda task of the older form.
  return { resourceType: 'lambda', resource };
}
