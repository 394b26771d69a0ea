import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorReport, exitCodeFor } from './cli-errors.js';
import { evaluateCommand } from './commands/evaluate.js';
import { predictCommand } from './commands/predict.js';
import { serveCommand } from './commands/serve.js';

const { version } = JSON.parse(
  readFileSync(path.join(__dirname, '../../package.json'), 'utf8'),
) as { version: string };

function program(): Command {
  const root = new Command('scones-model')
    .description(
      "The Scones classifier on this machine: SageMaker's endpoint contract, evaluation, predictions.",
    )
    .version(
      `scones-model/${version} node/${process.version} ${process.platform}/${process.arch}`,
      '-v, --version',
    )
    .addCommand(serveCommand())
    .addCommand(evaluateCommand())
    .addCommand(predictCommand())
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 failed, 2 could not run (bad options, port in use).',
    );
  for (const command of [root, ...root.commands]) {
    command.exitOverride();
    command.showHelpAfterError('(add --help for usage)');
  }
  return root;
}

function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Runs `scones-model` with these arguments and exits once its output is written out whole.
 * The `scones-model` bin (bin/scones-model.cjs) calls it.
 */
export async function runSconesModel(args: readonly string[]): Promise<void> {
  let code: number;
  try {
    await program().parseAsync([...args], { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    const report = errorReport(error);
    if (report) console.error(report);
    code = exitCodeFor(error);
  }
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit(code);
}
