import { DATA_CAPTURE } from '@scones/contracts';
import { S3Client } from '@aws-sdk/client-s3';
import {
  buildConfidenceReport,
  htmlReport,
  summaryText,
  type ConfidenceReport,
} from '@scones/monitor';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { awsClientConfig } from './aws-setup.js';
import { DEFAULT_BUCKET } from '../stack/local-stack.js';

export interface MonitorOptions {
  /** A folder or s3://bucket/prefix; default the local stack's capture folder. */
  source?: string;
  dataDir: string;
  threshold?: number;
  since?: Date;
  until?: Date;
  json: boolean;
  out?: string;
}

/** Where the local stack's data capture lands on disk (s3rver's folder for the bucket). */
export function localCaptureFolder(dataDir: string): string {
  return path.join(dataDir, 's3', DEFAULT_BUCKET, DATA_CAPTURE.prefix);
}

/** `scones monitor`: the report as text or JSON on stdout, and as HTML in a file. */
export async function monitor(options: MonitorOptions): Promise<string> {
  const source = options.source ?? localCaptureFolder(path.resolve(options.dataDir));
  const s3 = source.startsWith('s3://') ? new S3Client(awsClientConfig()) : undefined;
  let report: ConfidenceReport;
  try {
    report = await buildConfidenceReport(source, {
      threshold: options.threshold,
      since: options.since,
      until: options.until,
      s3,
    });
  } finally {
    s3?.destroy();
  }
  if (options.out) await writeFile(options.out, await htmlReport(report));
  if (options.json) {
    const inferences = report.inferences.map((row) => ({ ...row, time: row.time.toISOString() }));
    return JSON.stringify(
      {
        source: report.source,
        threshold: report.threshold,
        summary: report.summary,
        hourly: report.hourly,
        problems: report.problems,
        problemCount: report.problemCount,
        sampled: report.sampled,
        inferences,
      },
      null,
      2,
    );
  }
  return `${summaryText(report)}${options.out ? `\nreport: ${options.out}` : ''}`;
}
