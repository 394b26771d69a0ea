/**
 * An error answer from S3, shaped like the AWS SDK's service errors (`name` is S3's error code,
 * `$metadata.httpStatusCode` its status) so that `toObjectReadError` (s3-errors.ts) names
 * both the same way.
 */
export class S3RequestError extends Error {
  readonly $metadata: { httpStatusCode: number; requestId?: string };

  constructor(code: string, message: string, httpStatusCode: number, requestId?: string) {
    super(message);
    this.name = code;
    this.$metadata = { httpStatusCode, ...(requestId ? { requestId } : {}) };
  }
}

// S3 answers GET errors with `<Error><Code>..</Code><Message>..</Message></Error>`; HEAD-like
// answers and proxies may send no body, so the status alone names those.
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  403: 'Forbidden',
  404: 'NotFound',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
};

/**
 * Reads S3's XML error body (or, without one, the status) into an {@link S3RequestError}.
 *
 * @example
 * s3ErrorFromResponse(404, '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
 * // S3RequestError { name: 'NoSuchKey', message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }
 */
export function s3ErrorFromResponse(
  status: number,
  body: string,
  headers: Readonly<Record<string, string | string[] | undefined>> = {},
): S3RequestError {
  const code = xmlElement(body, 'Code') ?? CODE_BY_STATUS[status] ?? `Http${status}`;
  let message = xmlElement(body, 'Message') ?? `S3 answered HTTP ${status}.`;
  const bucketRegion = headers['x-amz-bucket-region'];
  if (status === 301 && typeof bucketRegion === 'string') {
    message += ` The bucket is in ${bucketRegion}: set AWS_REGION to it.`;
  }
  const requestId = headers['x-amz-request-id'];
  return new S3RequestError(
    code,
    message,
    status,
    typeof requestId === 'string' ? requestId : undefined,
  );
}

function xmlElement(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match?.[1] ? decodeXmlText(match[1]) : undefined;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

function decodeXmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity);
}
