import { createServer } from 'node:net';

/** The local stack could not start; the message says what to do. */
export class StackStartError extends Error {
  override readonly name = 'StackStartError';
}

/** Turns a listen error into a message a person can act on. */
export function explainListenError(error: unknown, what: string, port: number | undefined): Error {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return new StackStartError(
      `Port ${port} for ${what} is in use: stop what runs there, or choose another port (see scones --help).`,
    );
  }
  if (code === 'EACCES')
    return new StackStartError(
      `Not allowed to listen on port ${port} for ${what}: choose a port above 1024.`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Fails with a clear message when a fixed port is taken. s3rver cannot report a listen error
 * (its server emits it with no listener), so its port is checked before it starts.
 */
export async function assertPortFree(
  host: string,
  port: number | undefined,
  what: string,
): Promise<void> {
  if (!port) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(explainListenError(error, what, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
