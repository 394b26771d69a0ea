/** A file of a ResultWriter, written in pieces: where the caller stores it (S3, a folder). */
export interface ResultFile {
  write(text: string): Promise<void>;
  /** Resolves once the whole file is stored. */
  close(): Promise<void>;
}

/** Where a Map run's result files go: opens one object to write. */
export type ResultSink = (bucket: string, key: string) => ResultFile;

/** One child execution as a ResultWriter file lists it. */
export interface ResultEntry {
  ExecutionArn: string;
  Input: string;
  InputDetails: { Included: true };
  Name: string;
  Output?: string;
  OutputDetails?: { Included: true };
  Error?: string;
  Cause?: string;
  StartDate?: string;
  StopDate?: string;
  StateMachineArn: string;
  Status: ResultStatus;
}

export type ResultStatus = 'SUCCEEDED' | 'FAILED' | 'PENDING';

/**
 * The files a Distributed Map's ResultWriter writes under `<Prefix>/<map run id>/`, as Step
 * Functions documents them (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html):
 * one JSON array per status (`SUCCEEDED_0.json`, `FAILED_0.json`, `PENDING_0.json`) and a
 * `manifest.json` listing them. Entries are written as children end, so a run of any size holds
 * none of them in memory.
 *
 * @example
 * const writer = new ResultWriter(sink, 'scones-images', 'batch-results/<id>', mapRunArn);
 * await writer.add(entry);
 * const files = await writer.finish(); // ['s3://scones-images/batch-results/<id>/SUCCEEDED_0.json', ...]
 */
export class ResultWriter {
  private readonly files = new Map<ResultStatus, { file: ResultFile; key: string; size: number }>();

  constructor(
    private readonly sink: ResultSink,
    private readonly bucket: string,
    private readonly prefix: string,
    private readonly mapRunArn: string,
  ) {}

  async add(entry: ResultEntry): Promise<void> {
    const open = this.files.get(entry.Status);
    const text = JSON.stringify(entry);
    if (open) {
      await this.append(open, `,${text}`);
      return;
    }
    const key = `${this.prefix}/${entry.Status}_0.json`;
    const created = { file: this.sink(this.bucket, key), key, size: 0 };
    this.files.set(entry.Status, created);
    await this.append(created, `[${text}`);
  }

  /** Closes the result files and writes the manifest; returns every file as an s3:// URI. */
  async finish(): Promise<string[]> {
    const resultFiles: Record<ResultStatus, { Key: string; Size: number }[]> = {
      FAILED: [],
      PENDING: [],
      SUCCEEDED: [],
    };
    const written: string[] = [];
    for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
      const open = this.files.get(status);
      if (!open) continue;
      await this.append(open, ']');
      await open.file.close();
      resultFiles[status].push({ Key: open.key, Size: open.size });
      written.push(`s3://${this.bucket}/${open.key}`);
    }
    const manifestKey = `${this.prefix}/manifest.json`;
    const manifest = this.sink(this.bucket, manifestKey);
    await manifest.write(
      JSON.stringify({
        DestinationBucket: this.bucket,
        MapRunArn: this.mapRunArn,
        ResultFiles: resultFiles,
      }),
    );
    await manifest.close();
    written.push(`s3://${this.bucket}/${manifestKey}`);
    return written;
  }

  private async append(open: { file: ResultFile; size: number }, text: string): Promise<void> {
    open.size += Buffer.byteLength(text);
    await open.file.write(text);
  }
}
