import type { ExecutionEvent } from '@scones/executor';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One execution of the local state machine, as Step Functions describes it. */
export interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** The input as a JSON string, as Step Functions returns it. */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
  /** The interpreter's event log (complete once the execution has stopped). */
  events: ExecutionEvent[];
}
