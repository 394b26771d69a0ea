import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { batchCommand } from './commands/batch.js';
import { classifyCommand } from './commands/classify.js';
import { datasetCommand } from './commands/dataset.js';
import { demoCommand } from './commands/demo.js';
import { monitorCommand } from './commands/monitor.js';
import { trainCommand } from './commands/train.js';
import { upCommand } from './commands/up.js';

const { version } = JSON.parse(
  readFileSync(path.join(__dirname, '../../package.json'), 'utf8'),
) as { version: string };

/** `scones --version`, as the AWS CLI writes its own: the tool, its runtime and the platform. */
export const VERSION = `scones/${version} node/${process.version} ${process.platform}/${process.arch}`;

/** The whole `scones` command line: one subcommand per file in ./commands. */
export function sconesProgram(): Command {
  const program = new Command('scones')
    .description(
      'The Scones image-classification workflow on this machine: local S3, a local SageMaker endpoint and the real state machine, or the workflow deployed on AWS.',
    )
    .version(VERSION, '-v, --version', 'print the version of scones, Node and the platform')
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError()
    .addCommand(classifyCommand())
    .addCommand(batchCommand())
    .addCommand(upCommand())
    .addCommand(monitorCommand())
    .addCommand(demoCommand())
    .addCommand(datasetCommand())
    .addCommand(trainCommand())
    .addHelpText(
      'after',
      `
Exit codes: 0 done, 1 the run failed (a batch over its tolerated failures, a failed training),
2 the tool could not run (bad options, missing files, ports in use, AWS not set up).

Examples:
  scones demo                         sample photos through the whole local workflow
  scones classify photos/ --json      your photos, results as JSON
  scones batch photos/                many photos with the batch state machine
  scones up                           the local stack as servers for the AWS SDK and CLI
  scones monitor --out report.html    confidence over time, from the endpoint's capture
  scones help classify                the options of one command`,
    );
  // Every subcommand reports errors like the program and exits through main, not itself.
  for (const command of [program, ...allSubcommands(program)]) {
    command.exitOverride();
    command.showHelpAfterError('(add --help for usage)');
    command.configureHelp({ showGlobalOptions: false });
  }
  return program;
}

function allSubcommands(command: Command): Command[] {
  return command.commands.flatMap((sub) => [sub, ...allSubcommands(sub)]);
}
