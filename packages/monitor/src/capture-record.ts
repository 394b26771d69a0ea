import { DEFAULT_CLASS_LABELS, isProbability, mostProbable } from '@scones/contracts';

/** A line of a data-capture file that is not a usable capture record. */
export class InvalidCaptureRecordError extends Error {
  override readonly name = 'InvalidCaptureRecordError';
}

/** One inference read back from data capture. */
export interface CapturedInference {
  eventId: string;
  /** `eventMetadata.inferenceTime`. */
  time: Date;
  /** One probability per class, from `endpointOutput`. */
  probabilities: number[];
  /** The most probable class. */
  label: string;
  confidence: number;
  /** `endpointInput.observedContentType`. */
  inputContentType: string;
}

interface CapturedPayload {
  observedContentType?: unknown;
  data?: unknown;
  encoding?: unknown;
}

/**
 * Parses one line of a SageMaker data-capture file: decodes `endpointOutput` in any encoding
 * (`JSON`, `CSV`, `BASE64` holding either) into one probability per class.
 *
 * @throws InvalidCaptureRecordError saying what is wrong with the line.
 * @example
 * parseCaptureRecord(line); // { eventId, time, probabilities: [0.97, 0.03], label: 'bicycle', ... }
 */
export function parseCaptureRecord(
  line: string,
  labels: readonly string[] = DEFAULT_CLASS_LABELS,
): CapturedInference {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw invalid('not JSON');
  }
  if (!isObject(record)) throw invalid('not a JSON object');
  const capture = record['captureData'];
  const metadata = record['eventMetadata'];
  if (!isObject(capture) || !isObject(capture['endpointOutput']))
    throw invalid('captureData.endpointOutput is missing');
  if (!isObject(metadata)) throw invalid('eventMetadata is missing');
  const eventId = metadata['eventId'];
  const inferenceTime = metadata['inferenceTime'];
  if (typeof eventId !== 'string' || eventId === '')
    throw invalid('eventMetadata.eventId is missing');
  if (typeof inferenceTime !== 'string') throw invalid('eventMetadata.inferenceTime is missing');
  const time = new Date(inferenceTime);
  if (Number.isNaN(time.getTime()))
    throw invalid(`eventMetadata.inferenceTime "${inferenceTime}" is not a time`);

  const probabilities = decodeProbabilities(capture['endpointOutput'] as CapturedPayload);
  if (probabilities.length !== labels.length) {
    throw invalid(
      `endpointOutput holds ${probabilities.length} probabilities for ${labels.length} classes`,
    );
  }
  const best = mostProbable(probabilities);
  const input = isObject(capture['endpointInput'])
    ? (capture['endpointInput'] as CapturedPayload)
    : {};
  return {
    eventId,
    time,
    probabilities,
    label: labels[best.index],
    confidence: best.probability,
    inputContentType:
      typeof input.observedContentType === 'string' ? input.observedContentType : 'unknown',
  };
}

function decodeProbabilities(output: CapturedPayload): number[] {
  if (typeof output.data !== 'string') throw invalid('endpointOutput.data is missing');
  const contentType =
    typeof output.observedContentType === 'string' ? output.observedContentType.toLowerCase() : '';
  let text: string;
  let format: 'JSON' | 'CSV';
  switch (output.encoding) {
    case 'JSON':
      [text, format] = [output.data, 'JSON'];
      break;
    case 'CSV':
      [text, format] = [output.data, 'CSV'];
      break;
    case 'BASE64':
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(output.data))
        throw invalid('endpointOutput.data is not base64');
      text = Buffer.from(output.data, 'base64').toString('utf8');
      format = contentType.includes('csv') ? 'CSV' : 'JSON';
      break;
    default:
      throw invalid(
        `endpointOutput.encoding ${JSON.stringify(output.encoding)} is not JSON, CSV or BASE64`,
      );
  }
  const values =
    format === 'CSV'
      ? text
          .trim()
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number)
      : parseJsonArray(text);
  if (values.length === 0 || values.some((p) => !isProbability(p))) {
    throw invalid(
      `endpointOutput is not a list of probabilities: ${JSON.stringify(text.slice(0, 60))}`,
    );
  }
  return values as number[];
}

function parseJsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw invalid(`endpointOutput is not a JSON array: ${JSON.stringify(text.slice(0, 60))}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(reason: string): InvalidCaptureRecordError {
  return new InvalidCaptureRecordError(reason);
}
