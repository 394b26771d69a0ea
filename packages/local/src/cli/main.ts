import { errorReport, exitCodeFor } from './cli-errors.js';
import { sconesProgram } from './program.js';
import { writeWhole } from './stdout.js';

/**
 * Runs `scones` with these arguments and exits with its code once stdout and stderr are
 * written out whole (so a pipe gets everything). The `scones` bin (bin/scones.cjs) calls it.
 *
 * @example
 * require('@scones/local/dist/cli/main.js').runScones(process.argv.slice(2));
 */
export async function runScones(args: readonly string[]): Promise<void> {
  let code: number;
  try {
    await sconesProgram().parseAsync([...args], { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    const report = errorReport(error);
    if (report) await writeWhole(process.stderr, `${report}\n`);
    code = exitCodeFor(error);
  }
  await writeWhole(process.stdout, '');
  await writeWhole(process.stderr, '');
  // Exit even if a client keeps a socket open; everything printed has been handed to the OS.
  process.exit(code);
}
