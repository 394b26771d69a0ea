import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  StartExecutionCommand,
  type HistoryEvent,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import type { ExecutionStore } from '../executions/execution-store.js';
import type { ExecutionOutcome } from './execution-outcome.js';
import { localOutcome } from './local-outcome.js';

/** Where images go and how an execution is run: the local stack, or the workflow on AWS. */
export interface WorkflowRunner {
  readonly bucket: string;
  upload(key: string, body: Uint8Array): Promise<void>;
  execute(input: Record<string, unknown>): Promise<ExecutionOutcome>;
}

async function put(s3: S3Client, bucket: string, key: string, body: Uint8Array): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
}

/** Runs executions in process on the local stack's executor. */
export function localRunner(
  s3: S3Client,
  bucket: string,
  executions: ExecutionStore,
): WorkflowRunner {
  return {
    bucket,
    upload: (key, body) => put(s3, bucket, key, body),
    async execute(input) {
      const started = executions.start(JSON.stringify(input));
      const done = await executions.completion(started.executionArn);
      return localOutcome({
        ...done,
        output: done.output === undefined ? undefined : JSON.parse(done.output),
        events: done.status === 'SUCCEEDED' ? [] : executions.record(done.executionArn).events,
      });
    },
  };
}

/** How often a remote execution is polled, from quick to patient. */
const POLL_DELAYS_MS = [50, 100, 200, 400, 800, 1000];

/** Uploads with the S3 API and starts and follows executions with the Step Functions API. */
export function remoteRunner(
  s3: S3Client,
  sfn: SFNClient,
  bucket: string,
  stateMachineArn: string,
): WorkflowRunner {
  return {
    bucket,
    upload: (key, body) => put(s3, bucket, key, body),
    async execute(input) {
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }),
      );
      if (!executionArn) throw new Error(`StartExecution on ${stateMachineArn} returned no ARN.`);
      for (let attempt = 0; ; attempt++) {
        const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (execution.status === 'SUCCEEDED')
          return { status: 'SUCCEEDED', output: JSON.parse(execution.output ?? '{}') };
        if (execution.status !== 'RUNNING' && execution.status !== 'PENDING_REDRIVE') {
          return {
            status:
              execution.status === 'TIMED_OUT' || execution.status === 'ABORTED'
                ? execution.status
                : 'FAILED',
            error: execution.error ?? execution.status ?? 'UNKNOWN',
            cause: execution.cause ?? '',
            failedStateInput: await failedStateInput(sfn, executionArn),
          };
        }
        await new Promise((resolve) =>
          setTimeout(resolve, POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)]),
        );
      }
    },
  };
}

async function failedStateInput(
  sfn: SFNClient,
  executionArn: string,
): Promise<Record<string, unknown> | undefined> {
  const { events = [] } = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 50 }),
  );
  const entered = events.find((event: HistoryEvent) => event.type === 'FailStateEntered');
  const input = entered?.stateEnteredEventDetails?.input;
  return input ? (JSON.parse(input) as Record<string, unknown>) : undefined;
}
