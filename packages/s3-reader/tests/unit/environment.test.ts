import { s3ReaderOptionsFromEnvironment } from '../../src/index.js';

const lambda = {
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKID',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_SESSION_TOKEN: 'token',
};

describe('s3ReaderOptionsFromEnvironment', () => {
  it("reads what Lambda sets: the region and the role's credentials, on every call", async () => {
    const env: Record<string, string> = { ...lambda };
    const options = s3ReaderOptionsFromEnvironment(env);
    expect(options).toMatchObject({ region: 'eu-west-1', useFips: false, useDualstack: false });
    expect(options.endpoint).toBeUndefined();
    expect(await options.credentials()).toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    env['AWS_ACCESS_KEY_ID'] = 'ROTATED';
    expect(await options.credentials()).toMatchObject({ accessKeyId: 'ROTATED' });
  });

  it('takes the S3 endpoint override, or the general one, unless told to ignore them', () => {
    const s3 = 'http://127.0.0.1:4569';
    expect(
      s3ReaderOptionsFromEnvironment({
        ...lambda,
        AWS_ENDPOINT_URL_S3: s3,
        AWS_ENDPOINT_URL: 'http://x',
      }).endpoint,
    ).toBe(s3);
    expect(s3ReaderOptionsFromEnvironment({ ...lambda, AWS_ENDPOINT_URL: s3 }).endpoint).toBe(s3);
    expect(
      s3ReaderOptionsFromEnvironment({
        ...lambda,
        AWS_ENDPOINT_URL_S3: s3,
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
      }).endpoint,
    ).toBeUndefined();
  });

  it('falls back to AWS_DEFAULT_REGION and reads the FIPS and dual-stack switches', () => {
    const { AWS_REGION: _unused, ...rest } = lambda;
    expect(
      s3ReaderOptionsFromEnvironment({
        ...rest,
        AWS_DEFAULT_REGION: 'us-west-2',
        AWS_USE_FIPS_ENDPOINT: 'true',
        AWS_USE_DUALSTACK_ENDPOINT: 'true',
      }),
    ).toMatchObject({ region: 'us-west-2', useFips: true, useDualstack: true });
  });

  it.each([
    ['no region', { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' }, /AWS_REGION is not set/],
    [
      'an endpoint that is not a URL',
      { ...lambda, AWS_ENDPOINT_URL_S3: 'localhost' },
      /must be a URL/,
    ],
  ])('refuses %s with InvalidConfigurationError', (_case, env, message) => {
    expect(() => s3ReaderOptionsFromEnvironment(env)).toThrow(
      expect.objectContaining({
        name: 'InvalidConfigurationError',
        message: expect.stringMatching(message),
      }),
    );
  });

  it('fails a read without credentials with InvalidConfigurationError', () => {
    const { credentials } = s3ReaderOptionsFromEnvironment({ AWS_REGION: 'eu-west-1' });
    expect(() => credentials()).toThrow(
      expect.objectContaining({
        name: 'InvalidConfigurationError',
        message: expect.stringMatching(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/),
      }),
    );
  });
});
