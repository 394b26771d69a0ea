import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const bin = path.join(root, 'node_modules/.bin');

/** The `scones` command as npm links it: what `npx scones` runs. */
export const CLI = path.join(bin, 'scones');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scones ...args` to its end as a shell would after `npm ci`: the linked bin, executed
 * through its shebang, with node_modules/.bin first on PATH (as npx puts it).
 */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    /** Start from an empty environment instead of this process's (PATH is always set). */
    cleanEnv?: boolean;
    stdin?: string;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(CLI, args, {
      cwd: options.cwd,
      env: {
        ...(options.cleanEnv ? {} : process.env),
        PATH: `${bin}${path.delimiter}${process.env['PATH']}`,
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
