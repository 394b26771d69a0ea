import { SFNClient } from '@aws-sdk/client-sfn';
import { Command, Option } from 'commander';
import { assertAwsConfigured, awsClientConfig, explainAwsError } from '../aws-setup.js';
import { EXIT } from '../cli-errors.js';
import { s3Uri } from '../option-parsers.js';
import { train } from '../train-command.js';

/** `scones train`: the training state machine on a prepared dataset, followed to its end. */
export function trainCommand(): Command {
  return new Command('train')
    .summary('run the training state machine on a dataset in S3 and follow it')
    .requiredOption('--state-machine-arn <arn>', 'the training state machine')
    .addOption(
      new Option('--data <s3-uri>', 'the prefix `scones dataset prepare --upload` wrote')
        .argParser(s3Uri)
        .makeOptionMandatory(),
    )
    .addHelpText(
      'after',
      `
Example:
  scones train --state-machine-arn arn:aws:states:eu-west-1:123456789012:stateMachine:scones-training --data s3://scones-training/cifar`,
    )
    .action(async (flags: { stateMachineArn: string; data: string }) => {
      const sfn = new SFNClient(awsClientConfig());
      try {
        await assertAwsConfigured(sfn);
        const status = await train(sfn, {
          stateMachineArn: flags.stateMachineArn,
          data: flags.data,
          pollMs: Number(process.env['SCONES_POLL_MS'] ?? 5000),
          log: (line) => console.log(line),
        }).catch((error: unknown) => {
          throw explainAwsError(error, { stateMachineArn: flags.stateMachineArn });
        });
        if (status !== 'SUCCEEDED') process.exitCode = EXIT.runFailed;
      } finally {
        sfn.destroy();
      }
    });
}
