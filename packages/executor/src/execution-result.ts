/** One entry of the execution's event log, as aws-local-stepfunctions reports it. */
export interface ExecutionEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input: unknown; output?: unknown };
  Error?: string;
  Cause?: unknown;
  [field: string]: unknown;
}

/** How a local execution ended. */
export type ExecutionResult =
  | { status: 'SUCCEEDED'; output: unknown; events: ExecutionEvent[] }
  | { status: 'FAILED'; error: string; cause: string; events: ExecutionEvent[] }
  | { status: 'TIMED_OUT' | 'ABORTED'; events: ExecutionEvent[] };
