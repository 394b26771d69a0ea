import { Command, Option } from 'commander';
import path from 'node:path';
import { LOCAL_REGION } from '../../stack/aws-environment.js';
import { LocalStack } from '../../stack/local-stack.js';
import { port } from '../option-parsers.js';
import { stackOptions, thresholdOption, withStackFlags, type StackFlags } from '../stack-flags.js';
import { printLine } from '../stdout.js';

interface UpFlags extends StackFlags {
  s3Port: number;
  modelPort: number;
  sfnPort: number;
  threshold?: number;
}

/** `scones up`: the local stack as servers, with the variables that point AWS clients at it. */
export function upCommand(): Command {
  const command = new Command('up')
    .summary('run the local stack as servers for the AWS SDK, CLI and boto3 (Ctrl-C stops it)')
    .addOption(new Option('--s3-port <port>', 'local S3').argParser(port).default(4569))
    .addOption(
      new Option('--model-port <port>', 'the SageMaker endpoint').argParser(port).default(8080),
    )
    .addOption(
      new Option('--sfn-port <port>', 'the Step Functions API').argParser(port).default(8083),
    )
    .addOption(thresholdOption());
  return withStackFlags(command)
    .addHelpText(
      'after',
      `
Examples:
  scones up                                  then, in another shell, paste the exports it prints
  scones up --temporary --s3-port 0 --model-port 0 --sfn-port 0   any free ports, nothing kept`,
    )
    .action(async (flags: UpFlags) => {
      const stack = await LocalStack.start({
        ...stackOptions(flags),
        threshold: flags.threshold,
        stepFunctionsApi: true,
        ports: { s3: flags.s3Port, model: flags.modelPort, stepFunctions: flags.sfnPort },
      });
      await printLine(upBanner(stack));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      console.error('\nStopping...');
      await stack.stop();
    });
}

/** What `scones up` prints: where each service is, the exports, and commands to paste. */
export function upBanner(stack: LocalStack): string {
  const exports = {
    ...stack.environment(),
    ENDPOINT_NAME: stack.endpointName,
    STATE_MACHINE_ARN: stack.stateMachineArn,
    EXPRESS_STATE_MACHINE_ARN: stack.expressStateMachineArn,
    BATCH_STATE_MACHINE_ARN: stack.batchStateMachineArn,
  };
  const input = `{"s3_bucket":"${stack.bucket}","s3_key":"photo.png"}`;
  return `The Scones local stack is up (Ctrl-C stops it).

  S3                  ${stack.endpoints.s3}   bucket ${stack.bucket}, objects under ${path.join(stack.dataDir, 's3')}
  SageMaker endpoint  ${stack.endpoints.sagemakerRuntime}   name ${stack.endpointName}, capture to ${stack.captureUri}
  Step Functions      ${stack.endpoints.stepFunctions}   state machines ${stack.executions.stateMachines.map((machine) => `${machine.name} (${machine.type})`).join(', ')}
  executions kept in  ${path.join(stack.dataDir, 'executions')}

Point the AWS SDKs (JavaScript, boto3) and the AWS CLI at it:

${Object.entries(exports)
  .map(([name, value]) => `export ${name}=${value}`)
  .join('\n')}

Then, for example:
  aws s3 cp photo.png s3://${stack.bucket}/photo.png
  aws sagemaker-runtime invoke-endpoint --endpoint-name $ENDPOINT_NAME --content-type image/png --body fileb://photo.png out.json
  aws stepfunctions start-execution --state-machine-arn $STATE_MACHINE_ARN --input '${input}'
  aws stepfunctions describe-execution --execution-arn <the executionArn it printed>

StartSyncExecution (the answer in one call, on the EXPRESS machine, as on AWS) is sent to a
"sync-" host prefix, which a local endpoint does not have: turn the prefix off in the client.
  JavaScript SDK:  new SFNClient({ disableHostPrefix: true })
  boto3:           boto3.client('stepfunctions', config=botocore.config.Config(inject_host_prefix=False))
  python3 -c "import boto3, botocore.config, json; r = boto3.client('stepfunctions', config=botocore.config.Config(inject_host_prefix=False)).start_sync_execution(stateMachineArn='${stack.expressStateMachineArn}', input=json.dumps({'s3_bucket': '${stack.bucket}', 's3_key': 'photo.png'})); print(r['status'], r.get('output') or r.get('cause'))"
(The AWS CLI has no such switch; region ${LOCAL_REGION} and the credentials above are the local stack's own.)`;
}
