/** How an execution ended, with what classification needs from its history. */
export type ExecutionOutcome =
  | { status: 'SUCCEEDED'; output: Record<string, unknown> }
  | {
      status: 'FAILED' | 'TIMED_OUT' | 'ABORTED';
      error: string;
      cause: string;
      /** The payload that reached the Fail state (it holds label and confidence when classify ran). */
      failedStateInput?: Record<string, unknown>;
    };

/** One file's result, as `scones classify --json` prints it. */
export interface ClassificationResult {
  file: string;
  status: 'passed' | 'below_threshold' | 'failed';
  label: string | null;
  confidence: number | null;
  inferences: number[] | null;
  error: { name: string; message: string } | null;
}

/**
 * Reads a file's result from its execution's outcome. A low-confidence image is
 * `below_threshold` with its label and confidence, whether its execution failed on it (the
 * single-image default) or ended with `status: "below_threshold"` or `"review"` (the batch
 * default, and review mode); any other failure is `failed` with the step's named error and
 * message (from Lambda's `{errorType, errorMessage}` cause).
 */
export function toClassificationResult(
  file: string,
  outcome: ExecutionOutcome,
): ClassificationResult {
  const payload =
    outcome.status === 'SUCCEEDED' ? outcome.output : (outcome.failedStateInput ?? {});
  const classified = {
    label: typeof payload['label'] === 'string' ? payload['label'] : null,
    confidence: typeof payload['confidence'] === 'number' ? payload['confidence'] : null,
    inferences:
      Array.isArray(payload['inferences']) && payload['inferences'].length > 0
        ? (payload['inferences'] as number[])
        : null,
  };
  if (outcome.status === 'SUCCEEDED') {
    const held = payload['status'] === 'below_threshold' || payload['status'] === 'review';
    return held
      ? { file, status: 'below_threshold', ...classified, error: caughtError(payload['error']) }
      : { file, status: 'passed', ...classified, error: null };
  }
  const error = { name: outcome.error, message: causeMessage(outcome.cause) };
  const status = outcome.error === 'ThresholdConfidenceNotMetError' ? 'below_threshold' : 'failed';
  return { file, status, ...classified, error };
}

/** The `{Error, Cause}` a Catch put into the payload, as a named error. */
function caughtError(caught: unknown): ClassificationResult['error'] {
  if (typeof caught !== 'object' || caught === null) return null;
  const { Error: name, Cause: cause } = caught as { Error?: unknown; Cause?: unknown };
  if (typeof name !== 'string') return null;
  return { name, message: causeMessage(typeof cause === 'string' ? cause : '') };
}

function causeMessage(cause: string): string {
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // Not Lambda's JSON: the cause is the message.
  }
  return cause;
}
