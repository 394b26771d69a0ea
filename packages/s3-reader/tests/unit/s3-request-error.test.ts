import { S3RequestError, s3ErrorFromResponse, toObjectReadError } from '../../src/index.js';

describe('s3ErrorFromResponse', () => {
  it("reads S3's code and message, decoding XML entities", () => {
    const error = s3ErrorFromResponse(
      404,
      '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The key &quot;a &amp; b&quot; does not exist.</Message></Error>',
      { 'x-amz-request-id': 'R1' },
    );
    expect(error).toBeInstanceOf(S3RequestError);
    expect(error).toMatchObject({
      name: 'NoSuchKey',
      message: 'The key "a & b" does not exist.',
      $metadata: { httpStatusCode: 404, requestId: 'R1' },
    });
  });

  it.each([
    [403, 'Forbidden'],
    [404, 'NotFound'],
    [503, 'ServiceUnavailable'],
    [418, 'Http418'],
  ])('names a %i without a body by its status', (status, name) => {
    expect(s3ErrorFromResponse(status, '')).toMatchObject({
      name,
      message: `S3 answered HTTP ${status}.`,
    });
  });

  it('says which region to use when the bucket lives elsewhere', () => {
    const error = s3ErrorFromResponse(
      301,
      '<Error><Code>PermanentRedirect</Code><Message>Use the right endpoint.</Message></Error>',
      { 'x-amz-bucket-region': 'ap-southeast-2' },
    );
    expect(error.message).toMatch(/in ap-southeast-2: set AWS_REGION/);
  });

  it.each([
    ['<Error><Code>NoSuchKey</Code></Error>', 404, 'ImageNotFoundError'],
    ['<Error><Code>AccessDenied</Code></Error>', 403, 'ImageAccessDeniedError'],
    ['<Error><Code>SlowDown</Code></Error>', 503, 'StorageUnavailableError'],
  ])('is named by @scones/contracts like an AWS SDK error (%s)', (body, status, named) => {
    const error = toObjectReadError(s3ErrorFromResponse(status, body), { bucket: 'b', key: 'k' });
    expect(error).toMatchObject({ name: named });
  });
});
