#!/usr/bin/env node
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { parseArgs } from 'node:util';
import { classifyFiles } from '../classify/classify-files.js';
import { InputPathError, collectImages } from '../classify/collect-images.js';
import type { ClassificationResult } from '../classify/execution-outcome.js';
import { localRunner, remoteRunner, type WorkflowRunner } from '../classify/workflow-runner.js';
import { writeSampleImages } from '../demo/sample-images.js';
import { LocalStack, type LocalStackOptions } from '../stack/local-stack.js';
import { StackStartError } from '../stack/stack-errors.js';
import { parseStorageFaults } from '../stack/storage-faults.js';
import { parseEndpointFaults } from '@scones/model';
import { progressBar } from './progress.js';
import { resultsTable } from './results-table.js';
import { listCaptures } from './captures.js';
import { monitor } from './monitor-command.js';
import { datasetPrepare, parseClasses } from './dataset-command.js';
import { train } from './train-command.js';
import { batchSummary, writeResultsJsonl } from './batch-command.js';
import { runBatch, type BatchResult } from '../batch/batch-run.js';
import path from 'node:path';

const USAGE = `Usage:
  scones classify <files or folders...> [--json] [--threshold N] [--concurrency N]
                  [--data-dir DIR | --temporary] [--model-dir DIR]
  scones classify <files...> --state-machine-arn ARN --bucket NAME [--json] [--threshold N]
                  (the workflow deployed on AWS, or any Step Functions API: AWS_ENDPOINT_URL_SFN)
  scones up [--s3-port 4569] [--model-port 8080] [--sfn-port 8083] [--data-dir DIR | --temporary]
  scones batch <folder or s3://bucket/prefix> [--concurrency N] [--json] [--out results.jsonl]
               [--tolerated-failure-percentage P] [--tolerated-failure-count C] [--threshold N]
  scones monitor [folder | s3://bucket/prefix] [--threshold N] [--since ISO] [--until ISO]
                 [--json] [--out report.html] [--data-dir DIR]
                 (default: the local stack's data capture, under --data-dir)
  scones dataset prepare --from <archive path or URL> --out <folder> [--classes 8,48]
                         [--upload s3://bucket/prefix]
  scones train --state-machine-arn ARN --data s3://bucket/prefix
  scones demo [--data-dir DIR]

The local stack keeps its S3 objects in --data-dir (default .scones).
To see how the workflow copes with a bad day, classify, up and batch take:
  --endpoint-faults 500=0.1,429=0.05,model-error=0.02,slow=0.02:3000   (shares of endpoint requests)
  --storage-faults 503=0.1,500=0.05,reset=0.05                         (shares of the steps' S3 reads)
  --endpoint-timeout-ms 5000                                           (classify's timeout per attempt)`;

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  threshold: { type: 'string' },
  concurrency: { type: 'string', default: '4' },
  'data-dir': { type: 'string', default: '.scones' },
  temporary: { type: 'boolean', default: false },
  'model-dir': { type: 'string' },
  'state-machine-arn': { type: 'string' },
  bucket: { type: 'string' },
  's3-port': { type: 'string', default: '4569' },
  'model-port': { type: 'string', default: '8080' },
  'sfn-port': { type: 'string', default: '8083' },
  'tolerated-failure-percentage': { type: 'string' },
  'tolerated-failure-count': { type: 'string' },
  from: { type: 'string' },
  classes: { type: 'string' },
  upload: { type: 'string' },
  data: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  out: { type: 'string' },
  'endpoint-faults': { type: 'string' },
  'storage-faults': { type: 'string' },
  'endpoint-timeout-ms': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
  });
  const [command, ...paths] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'classify':
      return classify(paths, values);
    case 'up':
      return up(values);
    case 'demo':
      return demo(values);
    case 'monitor':
      return monitorCommand(paths, values);
    case 'batch':
      return batch(paths, values);
    case 'dataset':
      return dataset(paths, values);
    case 'train':
      return trainCommand(values);
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

function stackOptions(values: Values): LocalStackOptions {
  const faults = <T>(name: 'endpoint-faults' | 'storage-faults', parse: (spec: string) => T) => {
    const spec = values[name];
    if (spec === undefined) return undefined;
    try {
      return parse(spec);
    } catch (error) {
      throw new UsageError(`--${name}: ${(error as Error).message}`);
    }
  };
  const timeout = numberOption(values, 'endpoint-timeout-ms');
  return {
    dataDir: values['data-dir'],
    temporary: values.temporary,
    modelDir: values['model-dir'],
    endpointFaults: faults('endpoint-faults', parseEndpointFaults),
    storageFaults: faults('storage-faults', parseStorageFaults),
    ...(timeout === undefined ? {} : { endpointAttemptTimeoutMs: timeout }),
  };
}

// What each numeric option must be.
const NUMBER_OPTIONS = {
  threshold: { check: (n: number) => n >= 0 && n <= 1, meaning: 'a number from 0 to 1' },
  concurrency: {
    check: (n: number) => Number.isInteger(n) && n >= 1,
    meaning: 'a whole number of at least 1',
  },
  'tolerated-failure-percentage': {
    check: (n: number) => n >= 0 && n <= 100,
    meaning: 'a number from 0 to 100',
  },
  'tolerated-failure-count': {
    check: (n: number) => Number.isInteger(n) && n >= 0,
    meaning: 'a whole number',
  },
  'endpoint-timeout-ms': {
    check: (n: number) => Number.isSafeInteger(n) && n > 0,
    meaning: 'a whole number of milliseconds greater than 0',
  },
} as const;

function numberOption(values: Values, name: keyof typeof NUMBER_OPTIONS): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const { check, meaning } = NUMBER_OPTIONS[name];
  if (!check(value)) throw new UsageError(`--${name} must be ${meaning}; got "${raw}".`);
  return value;
}

async function classify(paths: string[], values: Values): Promise<number> {
  const threshold = numberOption(values, 'threshold');
  const concurrency = numberOption(values, 'concurrency');
  const files = await collectImages(paths);
  const arn = values['state-machine-arn'];
  if (arn && !values.bucket)
    throw new UsageError(
      '--state-machine-arn needs --bucket: the bucket the workflow reads images from.',
    );

  let results: ClassificationResult[];
  const progress = progressBar();
  const options = { threshold, concurrency, onProgress: progress.update };
  if (arn && values.bucket) {
    const runner: WorkflowRunner = remoteRunner(
      new S3Client({}),
      new SFNClient({}),
      values.bucket,
      arn,
    );
    results = await classifyFiles(files, runner, options);
  } else {
    const stack = await LocalStack.start(stackOptions(values));
    try {
      results = await classifyFiles(
        files,
        localRunner(stack.s3, stack.bucket, stack.executions),
        options,
      );
    } finally {
      await stack.stop();
    }
  }
  console.log(values.json ? JSON.stringify(results, null, 2) : resultsTable(results));
  return 0;
}

async function up(values: Values): Promise<number> {
  const port = (name: 's3-port' | 'model-port' | 'sfn-port') => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0 || value > 65535)
      throw new UsageError(`--${name} must be a port number; got "${values[name]}".`);
    return value;
  };
  const stack = await LocalStack.start({
    ...stackOptions(values),
    stepFunctionsApi: true,
    ports: { s3: port('s3-port'), model: port('model-port'), stepFunctions: port('sfn-port') },
  });
  const env = stack.environment();
  console.log(`The Scones local stack is up (Ctrl-C stops it).

  S3                  ${stack.endpoints.s3}   bucket ${stack.bucket}, objects under ${path.join(stack.dataDir, 's3')}
  SageMaker endpoint  ${stack.endpoints.sagemakerRuntime}   name ${process.env['ENDPOINT_NAME']}, capture to ${stack.captureUri}
  Step Functions      ${stack.endpoints.stepFunctions}   state machine ${stack.stateMachineArn}

Point the AWS SDK and CLI at it:

${Object.entries(env)
  .map(([name, value]) => `export ${name}=${value}`)
  .join('\n')}
export STATE_MACHINE_ARN=${stack.stateMachineArn}

Then, for example:
  aws s3 cp photo.png s3://${stack.bucket}/photo.png
  aws stepfunctions start-execution --state-machine-arn $STATE_MACHINE_ARN --input '{"s3_bucket":"${stack.bucket}","s3_key":"photo.png"}'
(StartSyncExecution needs a client with disableHostPrefix: true, as with any local endpoint.)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nStopping...');
  await stack.stop();
  return 0;
}

function timeOption(values: Values, name: 'since' | 'until'): Date | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const time = new Date(raw);
  if (Number.isNaN(time.getTime()))
    throw new UsageError(
      `--${name} must be an ISO time such as 2026-11-27T18:00:00Z; got "${raw}".`,
    );
  return time;
}

async function monitorCommand(sources: string[], values: Values): Promise<number> {
  if (sources.length > 1) throw new UsageError('monitor reads one folder or s3:// prefix.');
  const output = await monitor({
    source: sources[0],
    dataDir: values['data-dir'],
    threshold: numberOption(values, 'threshold'),
    since: timeOption(values, 'since'),
    until: timeOption(values, 'until'),
    json: values.json,
    out: values.out,
  }).catch((error: Error) => {
    if (error.message.startsWith('No such folder'))
      throw new InputPathError(
        `${error.message} (classify some images first, or name a capture folder or s3:// prefix).`,
      );
    throw error;
  });
  console.log(output);
  return 0;
}

async function batch(sources: string[], values: Values): Promise<number> {
  if (sources.length !== 1) throw new UsageError('batch takes one folder or s3://bucket/prefix.');
  const source = sources[0];
  const concurrency = numberOption(values, 'concurrency');
  const toleratedFailurePercentage = numberOption(values, 'tolerated-failure-percentage');
  const toleratedFailureCount = numberOption(values, 'tolerated-failure-count');
  if (!source.startsWith('s3://')) await collectImages([source]);
  const threshold = numberOption(values, 'threshold');
  const stack = await LocalStack.start({ ...stackOptions(values), threshold });
  let result: BatchResult;
  try {
    result = await runBatch(stack, {
      source,
      concurrency,
      toleratedFailurePercentage,
      toleratedFailureCount,
      onProgress: progressBar().update,
    });
  } finally {
    await stack.stop();
  }
  if (values['endpoint-faults'] || values['storage-faults'])
    console.error(`Faults injected: ${JSON.stringify(stack.faultsInjected())}`);
  if (values.out) await writeResultsJsonl(values.out, result);
  console.log(
    values.json
      ? JSON.stringify(
          {
            summary: result.summary,
            mapRunArn: result.run.mapRunArn,
            resultFiles: result.run.resultFiles,
            items: result.items,
          },
          null,
          2,
        )
      : batchSummary(result),
  );
  return result.run.status === 'SUCCEEDED' ? 0 : 1;
}

async function dataset(args: string[], values: Values): Promise<number> {
  if (args[0] !== 'prepare') throw new UsageError('Did you mean scones dataset prepare?');
  if (!values.from || !values.out)
    throw new UsageError('dataset prepare needs --from <archive path or URL> and --out <folder>.');
  const classes = (() => {
    try {
      return parseClasses(values.classes);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  const prepared = await datasetPrepare({
    from: values.from,
    out: values.out,
    classes: classes.join(','),
    upload: values.upload,
    progress: progressBar().update,
    log: (line) => console.error(line),
  }).catch((error: Error) => {
    if (error.name === 'DatasetArchiveError' || error.name === 'ChecksumMismatchError')
      throw new InputPathError(error.message);
    throw error;
  });
  for (const split of ['train', 'test'] as const) {
    console.log(
      `${split}: ${Object.entries(prepared.counts[split])
        .map(([label, count]) => `${label} ${count}`)
        .join(', ')} (${split}.lst)`,
    );
  }
  return 0;
}

async function trainCommand(values: Values): Promise<number> {
  const stateMachineArn = values['state-machine-arn'];
  if (!stateMachineArn || !values.data)
    throw new UsageError('train needs --state-machine-arn ARN and --data s3://bucket/prefix.');
  const sfn = new SFNClient({});
  try {
    const status = await train(sfn, {
      stateMachineArn,
      data: values.data,
      pollMs: Number(process.env['SCONES_POLL_MS'] ?? 5000),
      log: (line) => console.log(line),
    });
    return status === 'SUCCEEDED' ? 0 : 1;
  } finally {
    sfn.destroy();
  }
}

async function demo(values: Values): Promise<number> {
  const dataDir = path.resolve(values['data-dir']);
  const files = await writeSampleImages(path.join(dataDir, 'demo'));
  console.log(
    `Classifying ${files.length} sample files made in ${path.relative(process.cwd(), path.join(dataDir, 'demo')) || '.'}/ through the local workflow...\n`,
  );
  const stack = await LocalStack.start({ ...stackOptions(values), dataDir });
  let results: ClassificationResult[];
  try {
    results = await classifyFiles(files, localRunner(stack.s3, stack.bucket, stack.executions), {
      onProgress: progressBar().update,
    });
  } finally {
    await stack.stop();
  }
  console.log(
    resultsTable(results.map((r) => ({ ...r, file: path.relative(process.cwd(), r.file) }))),
  );
  const captured = await listCaptures(dataDir, stack.bucket);
  console.log(`
Each request to the endpoint was captured in SageMaker's data-capture format, to
${stack.captureUri}/ in the local S3 (${captured.length} capture file${captured.length === 1 ? '' : 's'} so far, under ${path.relative(process.cwd(), path.join(dataDir, 's3', stack.bucket, 'data_capture')) || '.'}):
${captured
  .slice(-3)
  .map((key) => `  s3://${stack.bucket}/${key}`)
  .join('\n')}

Next: scones monitor (a report of the captured confidence), scones classify <your photos>,
or scones up to keep the stack running.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof InputPathError || error instanceof StackStartError)
      console.error(error.message);
    else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      console.error(`${(error as Error).message}\n\n${USAGE}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const expected =
      error instanceof UsageError ||
      error instanceof InputPathError ||
      error instanceof StackStartError;
    process.exit(
      expected || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1,
    );
  },
);
