/** One entry of the execution's event log, as aws-local-stepfunctions reports it. */
export interface ExecutionEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input: unknown; output?: unknown };
  Error?: string;
  Cause?: unknown;
  [field: string]: unknown;
}

/**
 * One call a Task state made to its resource (each retry is another): what Step Functions
 * records as TaskScheduled, TaskStarted and TaskSucceeded or TaskFailed.
 */
export interface TaskAttempt {
  /** The Task state's name. */
  state: string;
  /** Its `Resource`, e.g. `arn:aws:states:::lambda:invoke`. */
  resource: string;
  /** What it was called with: the resolved Parameters (or the state's input). */
  parameters: unknown;
  startedAt: number;
  endedAt?: number;
  output?: unknown;
  error?: string;
  cause?: string;
}

interface Recorded {
  events: ExecutionEvent[];
  /** Every Task call, in the order they started. */
  taskAttempts: TaskAttempt[];
}

/** How a local execution ended. */
export type ExecutionResult =
  | ({ status: 'SUCCEEDED'; output: unknown } & Recorded)
  | ({ status: 'FAILED'; error: string; cause: string } & Recorded)
  | ({ status: 'TIMED_OUT' | 'ABORTED' } & Recorded);
