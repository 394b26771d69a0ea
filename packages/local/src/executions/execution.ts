import type { ExecutionEvent, TaskAttempt } from '@scones/executor';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/** One execution of a local state machine, as Step Functions describes it. */
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
}

/** What an execution's history is made from: the interpreter's events and its Task calls. */
export interface ExecutionRecord {
  events: ExecutionEvent[];
  taskAttempts: TaskAttempt[];
}
