import type { ExecutionEvent } from '@scones/executor';
import type { ExecutionOutcome } from './execution-outcome.js';

/** How a local execution ended, as the interpreter reports it. */
export interface LocalEnd {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'RUNNING';
  output?: unknown;
  error?: string;
  cause?: string;
  events: ExecutionEvent[];
}

/** The outcome of a local execution, with the payload that reached its Fail state. */
export function localOutcome(end: LocalEnd): ExecutionOutcome {
  if (end.status === 'SUCCEEDED')
    return { status: 'SUCCEEDED', output: (end.output ?? {}) as Record<string, unknown> };
  const entered = [...end.events]
    .reverse()
    .find((event) => event.type === 'StateEntered' && event.state?.type === 'Fail');
  return {
    status: end.status === 'RUNNING' ? 'FAILED' : end.status,
    error: end.error ?? end.status,
    cause: end.cause ?? '',
    failedStateInput: entered?.state?.input as Record<string, unknown> | undefined,
  };
}
