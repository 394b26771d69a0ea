import { S3Client } from '@aws-sdk/client-s3';
import { Command, Option } from 'commander';
import { folderSink, s3Sink } from '../../capture/capture-sink.js';
import { DataCapture } from '../../capture/data-capture.js';
import { ImageClassifier } from '../../classifier.js';
import { DEFAULT_MODEL_DIR } from '../../metadata.js';
import type { EndpointFaults } from '../../server/endpoint-faults.js';
import { DEFAULT_ENDPOINT_NAME } from '@scones/contracts';
import { ModelServer } from '../../server/model-server.js';
import { faults, modelDir, percent, port, positiveInteger, s3Uri } from '../option-parsers.js';

interface ServeFlags {
  port: number;
  host: string;
  endpointName: string;
  modelDir: string;
  captureDir?: string;
  captureS3?: string;
  capturePercent: number;
  faults?: EndpointFaults;
  threads: number;
  maxBatchSize: number;
}

/** `scones-model serve`: the model behind SageMaker's runtime and container HTTP contracts. */
export function serveCommand(): Command {
  return new Command('serve')
    .summary('serve the model as a SageMaker endpoint on this machine (Ctrl-C stops it)')
    .addOption(
      new Option('--port <port>', 'port to listen on (0: any free one)')
        .argParser(port)
        .default(8080),
    )
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--endpoint-name <name>', 'the endpoint name clients call', DEFAULT_ENDPOINT_NAME)
    .addOption(
      new Option('--model-dir <dir>', 'a folder with model.onnx and metadata.json')
        .argParser(modelDir)
        .default(DEFAULT_MODEL_DIR, 'the model this package ships'),
    )
    .addOption(
      new Option('--threads <n>', 'threads onnxruntime computes each run with')
        .argParser(positiveInteger(64))
        .default(2),
    )
    .addOption(
      new Option(
        '--max-batch-size <n>',
        'the most concurrent requests computed together in one run (1: no batching)',
      )
        .argParser(positiveInteger(1024))
        .default(32),
    )
    .addOption(
      new Option('--capture-dir <dir>', 'write data capture to this folder').conflicts('captureS3'),
    )
    .addOption(new Option('--capture-s3 <s3-uri>', 'write data capture to S3').argParser(s3Uri))
    .addOption(
      new Option('--capture-percent <p>', 'share of requests captured')
        .argParser(percent)
        .default(100),
    )
    .addOption(
      new Option(
        '--faults <spec>',
        'fail a share of requests: 500=0.1,429=0.05,model-error=0.02,slow=0.02:3000',
      ).argParser(faults),
    )
    .addHelpText(
      'after',
      `
Examples:
  scones-model serve --capture-dir capture
  scones-model serve --port 0 --faults 500=0.1,429=0.05

Then, with the variables it prints exported:
  aws sagemaker-runtime invoke-endpoint --endpoint-name ${DEFAULT_ENDPOINT_NAME} --content-type image/png --body fileb://photo.png out.json`,
    )
    .action(async (flags: ServeFlags) => {
      const destination = flags.captureS3
        ? s3Sink(new S3Client({}), flags.captureS3)
        : flags.captureDir
          ? folderSink(flags.captureDir)
          : undefined;
      const capture = destination
        ? new DataCapture({
            sink: destination,
            endpointName: flags.endpointName,
            samplingPercentage: flags.capturePercent,
            onError: (error) => console.error(`data capture: ${String(error)}`),
          })
        : undefined;
      const server = await ModelServer.start({
        model: await ImageClassifier.load(flags.modelDir, {
          threads: flags.threads,
          maxBatchSize: flags.maxBatchSize,
        }),
        endpointName: flags.endpointName,
        host: flags.host,
        port: flags.port,
        capture,
        ...(flags.faults ? { faults: flags.faults } : {}),
      });
      console.log(`Endpoint "${flags.endpointName}" listening on ${server.url}`);
      console.log(`  export AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=${server.url}`);
      console.log(
        '  (the AWS CLI and boto3 also need a region and credentials, any will do here:' +
          ' export AWS_DEFAULT_REGION=us-east-1 AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local)',
      );
      if (destination) console.log(`  data capture: ${destination.description}`);
      if (flags.faults) console.log(`  injecting faults: ${JSON.stringify(flags.faults)}`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
    });
}
