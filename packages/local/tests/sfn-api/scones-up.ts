import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from '../cli/run-cli';

/** `scones up` running in a subprocess, with the exports it printed. */
export interface SconesUp {
  env: Record<string, string>;
  /** Ctrl-C, and the exit. */
  stop(): Promise<void>;
}

/** Starts `scones up` on any free ports and waits for its banner. */
export function startSconesUp(args: string[]): Promise<SconesUp> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'up', '--s3-port', '0', '--model-port', '0', '--sfn-port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const failed = (code: number | null) =>
      reject(new Error(`scones up exited with ${code}: ${out}`));
    child.on('exit', failed);
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (!out.includes('Then, for example:')) return;
      child.off('exit', failed);
      const env = Object.fromEntries(
        [...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((match) => [match[1], match[2]]),
      );
      resolve({
        env,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGINT');
          }),
      });
    });
  });
}
