#!/usr/bin/env node
import { S3Client } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DataCapture } from './capture/data-capture.js';
import { folderSink, s3Sink } from './capture/capture-sink.js';
import { ImageClassifier } from './classifier.js';
import { evaluate } from './evaluate.js';
import { DEFAULT_MODEL_DIR } from './metadata.js';
import { parseEndpointFaults } from './server/endpoint-faults.js';
import { DEFAULT_ENDPOINT_NAME, ModelServer } from './server/model-server.js';

const USAGE = `Usage:
  scones-model serve [--port 8080] [--host 127.0.0.1] [--endpoint-name ${DEFAULT_ENDPOINT_NAME}]
                     [--model-dir DIR] [--capture-dir DIR | --capture-s3 s3://bucket/prefix]
                     [--capture-percent 100]
                     [--faults 500=0.1,429=0.05,model-error=0.02,slow=0.02:3000]
  scones-model evaluate --data DIR [--list train.lst] [--images train]
                        [--split validation|training|all] [--model-dir DIR] [--json]
  scones-model predict FILE... [--model-dir DIR]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'endpoint-name': { type: 'string', default: DEFAULT_ENDPOINT_NAME },
      'model-dir': { type: 'string', default: DEFAULT_MODEL_DIR },
      'capture-dir': { type: 'string' },
      'capture-s3': { type: 'string' },
      'capture-percent': { type: 'string', default: '100' },
      faults: { type: 'string' },
      data: { type: 'string' },
      list: { type: 'string', default: 'train.lst' },
      images: { type: 'string', default: 'train' },
      split: { type: 'string', default: 'validation' },
      json: { type: 'boolean', default: false },
    },
  });
  const classifier = () => ImageClassifier.load(values['model-dir']);

  if (command === 'serve') {
    const endpointName = values['endpoint-name'];
    const destination = values['capture-s3']
      ? s3Sink(new S3Client({}), values['capture-s3'])
      : values['capture-dir']
        ? folderSink(values['capture-dir'])
        : undefined;
    const capture = destination
      ? new DataCapture({
          sink: destination,
          endpointName,
          samplingPercentage: Number(values['capture-percent']),
          onError: (error) => console.error(`data capture: ${String(error)}`),
        })
      : undefined;
    const server = await ModelServer.start({
      model: await classifier(),
      endpointName,
      host: values.host,
      port: Number(values.port),
      capture,
      ...(values.faults ? { faults: parseEndpointFaults(values.faults) } : {}),
    });
    console.log(`Endpoint "${endpointName}" listening on ${server.url}`);
    console.log(`  AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=${server.url}`);
    if (destination) console.log(`  data capture: ${destination.description}`);
    if (values.faults) console.log(`  injecting faults: ${values.faults}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  }

  if (command === 'evaluate') {
    if (!values.data)
      throw new UsageError('evaluate needs --data DIR (a folder with train/ and train.lst).');
    const split = values.split;
    if (split !== 'validation' && split !== 'training' && split !== 'all')
      throw new UsageError(`--split must be validation, training or all; got "${split}".`);
    const model = await classifier();
    const result = await evaluate(model, {
      dataDir: values.data,
      list: values.list,
      imagesDir: values.images,
      split,
    });
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(
        `${result.split} split: ${result.correct}/${result.total} correct, accuracy ${result.accuracy.toFixed(4)}`,
      );
      console.log(`confusion (rows: actual, columns: predicted ${result.labels.join(', ')}):`);
      result.confusion.forEach((row, i) =>
        console.log(
          `  ${result.labels[i].padEnd(12)} ${row.map((n) => String(n).padStart(5)).join(' ')}`,
        ),
      );
    }
    await model.close();
    return 0;
  }

  if (command === 'predict') {
    if (positionals.length === 0) throw new UsageError('predict needs at least one image file.');
    const model = await classifier();
    for (const file of positionals) {
      const probabilities = await model.classify(await readFile(file));
      const best = probabilities.indexOf(Math.max(...probabilities));
      console.log(
        `${file}\t${model.labels[best]}\t${probabilities[best].toFixed(4)}\t${JSON.stringify(probabilities)}`,
      );
    }
    await model.close();
    return 0;
  }

  throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (code === 'EADDRINUSE')
      console.error(`The port is in use: ${(error as Error).message}. Choose another with --port.`);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(code === 'EADDRINUSE' || error instanceof UsageError ? 2 : 1);
  },
);
