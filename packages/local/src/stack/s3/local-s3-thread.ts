import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LocalS3ServerOptions } from './local-s3-server.js';

type Reply =
  | { type: 'listening'; port: number }
  | { type: 'failed'; code?: string; message: string };

// The thread's file sits beside src/ and dist/ alike, so one path serves tests and the package.
const THREAD_FILE = path.resolve(__dirname, '..', '..', '..', 'threads', 'local-s3.cjs');

/** The local S3, listening on a thread of its own. */
export interface LocalS3Thread {
  port: number;
  /** Stops accepting, closes the server, ends the thread. */
  close(): Promise<void>;
}

/**
 * Starts `localS3Server` on a worker thread: s3rver then answers on the second core while the
 * stack's own thread runs the workflow (on one event loop every GET waited behind it).
 *
 * @throws the listen error (with its `code`, such as EADDRINUSE) when the server cannot start.
 * @example
 * const s3 = await startLocalS3Thread({ address: '127.0.0.1', port: 0, directory: '.scones/s3' });
 * // ... http://127.0.0.1:${s3.port}
 * await s3.close();
 */
export async function startLocalS3Thread(options: LocalS3ServerOptions): Promise<LocalS3Thread> {
  const worker = new Worker(THREAD_FILE, { workerData: options });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (reply: Reply) => {
      if (reply.type === 'listening') return resolve(reply.port);
      reject(Object.assign(new Error(reply.message), { code: reply.code }));
    });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  return {
    port,
    close: async () => {
      worker.postMessage({ type: 'close' });
      await exited;
    },
  };
}
