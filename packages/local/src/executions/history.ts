import type { ExecutionEvent } from '@scones/executor';
import type { Execution } from './execution.js';

/** A history event as GetExecutionHistory returns it (the fields the local stack fills). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

const json = (value: unknown) => JSON.stringify(value ?? null);

/**
 * Turns the interpreter's event log into Step Functions history events: ExecutionStarted,
 * `<Type>StateEntered` / `<Type>StateExited`, TaskFailed, ExecutionSucceeded / ExecutionFailed,
 * with inputs and outputs as JSON strings.
 */
export function executionHistory(execution: Execution): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const add = (event: ExecutionEvent, type: string, details: Record<string, unknown>) =>
    events.push({
      id: events.length + 1,
      previousEventId: events.length,
      timestamp: event.timestamp / 1000,
      type,
      ...details,
    });

  for (const event of execution.events) {
    const state = event.state;
    switch (event.type) {
      case 'ExecutionStarted':
        add(event, 'ExecutionStarted', {
          executionStartedEventDetails: { input: execution.input, roleArn: '' },
        });
        break;
      case 'StateEntered':
        add(event, `${state?.type}StateEntered`, {
          stateEnteredEventDetails: { name: state?.name, input: json(state?.input) },
        });
        break;
      case 'StateExited':
        add(event, `${state?.type}StateExited`, {
          stateExitedEventDetails: { name: state?.name, output: json(state?.output) },
        });
        break;
      case 'StateFailed':
        if (state?.type === 'Task') {
          add(event, 'TaskFailed', {
            taskFailedEventDetails: {
              error: event.Error,
              cause: String(event.Cause ?? ''),
              resourceType: 'lambda',
            },
          });
        }
        break;
      case 'ExecutionSucceeded':
        add(event, 'ExecutionSucceeded', {
          executionSucceededEventDetails: { output: execution.output },
        });
        break;
      case 'ExecutionFailed':
        add(event, 'ExecutionFailed', {
          executionFailedEventDetails: { error: execution.error, cause: execution.cause },
        });
        break;
      case 'ExecutionTimeout':
        add(event, 'ExecutionTimedOut', {});
        break;
      case 'ExecutionAborted':
        add(event, 'ExecutionAborted', {});
        break;
    }
  }
  return events;
}
