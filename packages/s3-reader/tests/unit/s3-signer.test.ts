import { s3Signer } from '../../src/s3-signer.js';

// The worked example "GET Object" of the S3 API reference (Signature Version 4, payload in a
// single chunk): its credentials, request, date and published signature.
const EXAMPLE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('s3Signer', () => {
  it("reproduces the S3 reference's GET Object example signature", async () => {
    const hostname = 'examplebucket.s3.amazonaws.com';
    const signed = await s3Signer('us-east-1', () => EXAMPLE_CREDENTIALS).sign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname,
        path: '/test.txt',
        query: {},
        headers: { host: hostname, range: 'bytes=0-9' },
      },
      { signingDate: new Date('2013-05-24T00:00:00Z') },
    );
    expect(signed.headers['authorization']).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(signed.headers['x-amz-content-sha256']).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('signs the session token of temporary credentials', async () => {
    const signed = await s3Signer('eu-west-1', () => ({
      ...EXAMPLE_CREDENTIALS,
      sessionToken: 'token-from-the-role',
    })).sign({
      method: 'GET',
      protocol: 'https:',
      hostname: 'b.s3.eu-west-1.amazonaws.com',
      path: '/k',
      query: {},
      headers: { host: 'b.s3.eu-west-1.amazonaws.com' },
    });
    expect(signed.headers['x-amz-security-token']).toBe('token-from-the-role');
    expect(signed.headers['authorization']).toContain('/eu-west-1/s3/aws4_request');
    expect(signed.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
  });
});
