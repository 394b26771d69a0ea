/**
 * @scones/monitor: reads SageMaker data-capture files from a folder or S3 and reports the
 * classifier's confidence over time, with charts.
 *
 * @example
 * import { buildConfidenceReport, htmlReport } from '@scones/monitor';
 * const report = await buildConfidenceReport('s3://scones-images/data_capture', { s3, threshold: 0.93 });
 * await writeFile('report.html', await htmlReport(report));
 */
export {
  InvalidCaptureRecordError,
  parseCaptureRecord,
  type CapturedInference,
} from './capture-record.js';
export { CaptureSourceError, captureLines, type CaptureLine } from './capture-files.js';
export {
  buildConfidenceReport,
  type CaptureProblem,
  type ConfidenceReport,
  type ConfidenceSummary,
  type HourlyPoint,
  type InferenceRow,
  type ReportOptions,
} from './confidence-report.js';
export { chartSpecs, renderSvg } from './charts.js';
export { htmlReport } from './html-report.js';
export { summaryText } from './summary-text.js';
export { percentile } from './percentile.js';
