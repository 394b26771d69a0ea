import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';

/**
 * `scones train`: starts the training state machine on a dataset prefix and prints each state
 * as the execution enters it, until it ends. Resolves to the execution's final status.
 */
export async function train(
  sfn: SFNClient,
  {
    stateMachineArn,
    data,
    pollMs = 5000,
    log,
  }: { stateMachineArn: string; data: string; pollMs?: number; log: (line: string) => void },
): Promise<string> {
  if (!/^s3:\/\/[^/]+/.test(data))
    throw new Error(
      `--data must be an s3://bucket/prefix holding train/, validation/, train_lst/ and validation_lst/; got "${data}".`,
    );
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn,
      input: JSON.stringify({ data: data.replace(/\/$/, '') }),
    }),
  );
  if (!executionArn) throw new Error('StartExecution returned no execution ARN.');
  log(`Started ${executionArn}`);
  let seen = 0;
  for (;;) {
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    for (const event of events.slice(seen)) {
      const entered = event.stateEnteredEventDetails;
      if (entered && event.type?.endsWith('StateEntered'))
        log(`  ${new Date(event.timestamp ?? Date.now()).toISOString()}  ${entered.name}`);
    }
    seen = events.length;
    if (execution.status !== 'RUNNING') {
      log(
        execution.status === 'SUCCEEDED'
          ? 'Training succeeded: the endpoint serves the new model.'
          : `Training ${execution.status}: ${execution.error ?? ''} ${execution.cause ?? ''}`.trim(),
      );
      return execution.status ?? 'UNKNOWN';
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
