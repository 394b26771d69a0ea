import { CommanderError, InvalidArgumentError } from 'commander';
import { CaptureSourceError } from '@scones/monitor';
import { ChecksumMismatchError, DatasetArchiveError } from '@scones/dataset';
import { InputPathError } from '../classify/collect-images.js';
import { StackStartError } from '../stack/stack-errors.js';

/** The command line cannot run as given (a missing or conflicting option); see --help. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * AWS is not set up for what the command asks of it: no region or credentials, a bucket or
 * state machine that does not exist. The message says what to set or create.
 */
export class AwsSetupError extends Error {
  override readonly name = 'AwsSetupError';
}

/** `scones`' exit codes, as its help documents them. */
export const EXIT = { done: 0, runFailed: 1, cannotRun: 2 } as const;

/** The errors that mean the tool could not run (exit 2): the person can fix what the message says. */
const CANNOT_RUN: readonly (abstract new (...args: never[]) => Error)[] = [
  UsageError,
  InvalidArgumentError,
  AwsSetupError,
  InputPathError,
  StackStartError,
  CaptureSourceError,
  DatasetArchiveError,
  ChecksumMismatchError,
];

/**
 * The exit code for an error that ended a command, by its class: 0 for help and --version,
 * 2 for the errors a person can act on, 1 for anything unexpected (a bug: its stack is printed).
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.done : EXIT.cannotRun;
  return CANNOT_RUN.some((type) => error instanceof type) ? EXIT.cannotRun : EXIT.runFailed;
}

/** What to print for an error that ended a command (commander prints its own). */
export function errorReport(error: unknown): string | undefined {
  if (error instanceof CommanderError) return undefined;
  if (error instanceof UsageError) return `error: ${error.message}\n(see scones --help)`;
  if (exitCodeFor(error) === EXIT.cannotRun) return `error: ${(error as Error).message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
