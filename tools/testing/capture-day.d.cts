export interface CaptureDayOptions {
  /** The UTC day, `YYYY-MM-DD`. Default 2026-11-27. */
  day?: string;
  /** The same seed gives the same records. Default 27. */
  seed?: number;
  /** From this UTC hour on, the model is less confident. Default 18. */
  driftFromHour?: number;
}

/**
 * A day of capture records in SageMaker's layout: relative file path -> JSON lines.
 *
 * @example
 * captureDay()['scones-classifier/AllTraffic/2026/11/27/13/00-00-000-27.jsonl']; // ['{"captureData":...}', ...]
 */
export declare function captureDay(options?: CaptureDayOptions): Record<string, string[]>;

/**
 * Writes {@link captureDay} under a folder and returns the folder.
 *
 * @example
 * await writeCaptureDay('/tmp/capture'); // then: scones monitor /tmp/capture --out report.html
 */
export declare function writeCaptureDay(root: string, options?: CaptureDayOptions): Promise<string>;
