import { randomUUID } from 'node:crypto';

/** How SageMaker stores a captured payload: JSON and CSV as text, anything else as base64. */
export type CaptureEncoding = 'JSON' | 'CSV' | 'BASE64';

export interface CapturedPayload {
  observedContentType: string;
  mode: 'INPUT' | 'OUTPUT';
  data: string;
  encoding: CaptureEncoding;
}

/** One line of a SageMaker data-capture file. */
export interface CaptureRecord {
  captureData: { endpointInput: CapturedPayload; endpointOutput: CapturedPayload };
  eventMetadata: { eventId: string; inferenceTime: string };
  eventVersion: '0';
}

/** One request and its answer, as the server saw them. */
export interface Exchange {
  input: { contentType: string; body: Uint8Array };
  output: { contentType: string; body: Uint8Array };
  time: Date;
}

/**
 * The content types captured as text, as an endpoint's `CaptureContentTypeHeader` would list
 * them (JSON as JSON, CSV as CSV); everything else, images included, is captured as base64.
 */
export const CAPTURE_CONTENT_TYPES = {
  json: ['application/json'],
  csv: ['text/csv'],
} as const;

/**
 * Builds the capture record of one exchange, in SageMaker's format.
 *
 * @example
 * JSON.stringify(captureRecord({ input, output, time: new Date() }));
 */
export function captureRecord(exchange: Exchange, eventId: string = randomUUID()): CaptureRecord {
  return {
    captureData: {
      endpointInput: captured('INPUT', exchange.input.contentType, exchange.input.body),
      endpointOutput: captured('OUTPUT', exchange.output.contentType, exchange.output.body),
    },
    eventMetadata: {
      eventId,
      inferenceTime: exchange.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
    eventVersion: '0',
  };
}

function captured(
  mode: CapturedPayload['mode'],
  contentType: string,
  body: Uint8Array,
): CapturedPayload {
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  const encoding: CaptureEncoding = (CAPTURE_CONTENT_TYPES.json as readonly string[]).includes(
    mediaType,
  )
    ? 'JSON'
    : (CAPTURE_CONTENT_TYPES.csv as readonly string[]).includes(mediaType)
      ? 'CSV'
      : 'BASE64';
  const data =
    encoding === 'BASE64'
      ? Buffer.from(body).toString('base64')
      : Buffer.from(body).toString('utf8');
  return { observedContentType: contentType, mode, data, encoding };
}
