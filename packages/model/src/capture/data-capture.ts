import { DEFAULT_VARIANT_NAME } from '@scones/contracts';
import { randomUUID } from 'node:crypto';
import { captureRecord, type CaptureRecord, type Exchange } from './capture-record.js';
import type { CaptureSink } from './capture-sink.js';

export interface DataCaptureOptions {
  sink: CaptureSink;
  endpointName: string;
  variantName?: string;
  /** Share of requests captured, 0 to 100 (SageMaker's InitialSamplingPercentage). Default 100. */
  samplingPercentage?: number;
  /** Records are written at least this often. Default 1000 ms. */
  flushIntervalMs?: number;
  /** A file is written as soon as this many records wait. Default 100. */
  maxRecordsPerFile?: number;
  /** Decides sampling; replaceable for tests. */
  random?: () => number;
  /** Told about a capture that could not be written; inference goes on regardless. */
  onError?: (error: unknown) => void;
}

/**
 * Captures requests and answers in SageMaker's data-capture format and layout: JSON Lines files
 * under `<endpoint>/<variant>/yyyy/mm/dd/hh/` (UTC), named `mm-ss-mmm-<uuid>.jsonl`, written in
 * batches as SageMaker does. A capture that fails never fails the request.
 *
 * @example
 * const capture = new DataCapture({ sink: folderSink('.scones/data_capture'), endpointName: 'scones-classifier' });
 * capture.record({ input, output, time: new Date() });
 * await capture.close();
 */
export class DataCapture {
  private pending: CaptureRecord[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private written = 0;

  constructor(private readonly options: DataCaptureOptions) {
    const percentage = options.samplingPercentage ?? 100;
    if (!(percentage >= 0 && percentage <= 100)) {
      throw new Error(`samplingPercentage must be from 0 to 100; got ${percentage}.`);
    }
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** How many records have been written so far. */
  get recordsWritten(): number {
    return this.written;
  }

  /** Captures one exchange, subject to sampling. */
  record(exchange: Exchange): void {
    const percentage = this.options.samplingPercentage ?? 100;
    if ((this.options.random ?? Math.random)() * 100 >= percentage) return;
    this.pending.push(captureRecord(exchange));
    if (this.pending.length >= (this.options.maxRecordsPerFile ?? 100)) void this.flush();
  }

  /** Writes whatever is waiting; resolves when it is written. */
  flush(): Promise<void> {
    const records = this.pending;
    this.pending = [];
    if (records.length > 0) {
      this.writing = this.writing.then(() => this.writeFiles(records));
    }
    return this.writing;
  }

  /** Writes what is waiting and stops the timer. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeFiles(records: CaptureRecord[]): Promise<void> {
    // One file per hour folder, as records are filed by their inference time.
    const byHour = new Map<string, CaptureRecord[]>();
    for (const record of records) {
      const folder = this.hourFolder(new Date(record.eventMetadata.inferenceTime));
      const batch = byHour.get(folder);
      if (batch) batch.push(record);
      else byHour.set(folder, [record]);
    }
    for (const [folder, batch] of byHour) {
      const now = new Date();
      const name = `${pad(now.getUTCMinutes())}-${pad(now.getUTCSeconds())}-${pad(now.getUTCMilliseconds(), 3)}-${randomUUID()}.jsonl`;
      const contents = batch.map((record) => `${JSON.stringify(record)}\n`).join('');
      try {
        await this.options.sink.write(`${folder}/${name}`, contents);
        this.written += batch.length;
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  private hourFolder(time: Date): string {
    const { endpointName, variantName = DEFAULT_VARIANT_NAME } = this.options;
    const date = `${time.getUTCFullYear()}/${pad(time.getUTCMonth() + 1)}/${pad(time.getUTCDate())}/${pad(time.getUTCHours())}`;
    return `${endpointName}/${variantName}/${date}`;
  }
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
