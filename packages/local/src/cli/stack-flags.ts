import { Option, type Command } from 'commander';
import { parseEndpointFaults, type EndpointFaults } from '@scones/model';
import type { LocalStackOptions } from '../stack/local-stack.js';
import { parseStorageFaults, type StorageFaults } from '../stack/storage-faults.js';
import { parsedBy, probability, wholeNumber } from './option-parsers.js';

/** The flags of every command that starts the local stack. */
export interface StackFlags {
  dataDir: string;
  temporary: boolean;
  modelDir?: string;
  endpointFaults?: EndpointFaults;
  storageFaults?: StorageFaults;
  endpointTimeoutMs?: number;
}

/** `--threshold`: the local stack's threshold function's THRESHOLD (batch, up). */
export function thresholdOption(): Option {
  return new Option('--threshold <n>', "the threshold function's minimum confidence").argParser(
    probability,
  );
}

/** Adds the local stack's flags to a command. */
export function withStackFlags(command: Command): Command {
  return command
    .addOption(
      new Option('--data-dir <dir>', 'where the local S3 keeps its objects and captures').default(
        '.scones',
      ),
    )
    .addOption(
      new Option('--temporary', 'keep the local S3 in a temporary folder, removed afterwards')
        .default(false)
        .conflicts('dataDir'),
    )
    .option('--model-dir <dir>', 'serve this model (model.onnx + metadata.json) instead')
    .addOption(
      new Option(
        '--endpoint-faults <spec>',
        'make the endpoint fail a share of requests, e.g. 500=0.1,429=0.05,model-error=0.02,slow=0.02:3000',
      ).argParser(parsedBy(parseEndpointFaults)),
    )
    .addOption(
      new Option(
        '--storage-faults <spec>',
        "make a share of the steps' S3 reads fail, e.g. 503=0.1,500=0.05,reset=0.05",
      ).argParser(parsedBy(parseStorageFaults)),
    )
    .addOption(
      new Option('--endpoint-timeout-ms <ms>', "classify's timeout per endpoint attempt").argParser(
        wholeNumber(1, 'milliseconds'),
      ),
    );
}

/** The LocalStack options the flags mean. */
export function stackOptions(flags: StackFlags): LocalStackOptions {
  return {
    dataDir: flags.dataDir,
    temporary: flags.temporary,
    modelDir: flags.modelDir,
    endpointFaults: flags.endpointFaults,
    storageFaults: flags.storageFaults,
    ...(flags.endpointTimeoutMs === undefined
      ? {}
      : { endpointAttemptTimeoutMs: flags.endpointTimeoutMs }),
  };
}
