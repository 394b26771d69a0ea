import { CommanderError, InvalidArgumentError } from 'commander';

/** The command line cannot run as given: a missing option, a folder without what it needs. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Node's system error codes for a port that cannot be listened on. */
const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use: choose another with --port',
  EACCES: 'not allowed to listen on that port: choose one above 1024 with --port',
  EADDRNOTAVAIL: 'no such address on this machine: check --host',
};

/** 0 for help and --version, 2 when the tool could not run as asked, 1 for anything else. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError || error instanceof InvalidArgumentError) return 2;
  return listenProblem(error) ? 2 : 1;
}

/** What to print for an error that ended a command (commander prints its own). */
export function errorReport(error: unknown): string | undefined {
  if (error instanceof CommanderError) return undefined;
  const listen = listenProblem(error);
  if (listen) return `error: ${listen} (${(error as Error).message})`;
  if (exitCodeFor(error) === 2)
    return `error: ${(error as Error).message}\n(see scones-model --help)`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function listenProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (error as { syscall?: unknown }).syscall === 'listen'
    ? LISTEN_ERRORS[code]
    : undefined;
}
