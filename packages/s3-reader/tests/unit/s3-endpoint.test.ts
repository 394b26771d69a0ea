import { s3RequestTarget } from '../../src/index.js';

const aws = { region: 'eu-west-1' };

describe('s3RequestTarget', () => {
  it('addresses a DNS-compatible bucket virtual-hosted, in its region', () => {
    expect(s3RequestTarget({ bucket: 'scones-images', key: 'test/bike.png' }, aws)).toEqual({
      protocol: 'https:',
      hostname: 'scones-images.s3.eu-west-1.amazonaws.com',
      path: '/test/bike.png',
    });
  });

  it('goes path-style for a bucket name with dots, which the wildcard certificate does not cover', () => {
    expect(s3RequestTarget({ bucket: 'photos.scones.example', key: 'a.png' }, aws)).toEqual({
      protocol: 'https:',
      hostname: 's3.eu-west-1.amazonaws.com',
      path: '/photos.scones.example/a.png',
    });
  });

  it.each([
    ['spaces', 'photo of bike 1.png', '/photo%20of%20bike%201.png'],
    ['unicode', 'vélo-🚲.png', '/v%C3%A9lo-%F0%9F%9A%B2.png'],
    [
      'the characters encodeURIComponent leaves',
      "it's (a) bike!*.png",
      '/it%27s%20%28a%29%20bike%21%2A.png',
    ],
    ['plus and equals', 'a+b=c.png', '/a%2Bb%3Dc.png'],
    ['dot segments, which are not resolved', 'a/../../b.png', '/a/../../b.png'],
    ['a leading and a doubled slash', '/a//b.png', '//a//b.png'],
  ])('encodes a key with %s once, segment by segment', (_case, key, path) => {
    expect(s3RequestTarget({ bucket: 'scones-images', key }, aws).path).toBe(path);
  });

  it('sends every request to a custom endpoint, path-style, under its base path', () => {
    expect(
      s3RequestTarget(
        { bucket: 'scones-images', key: 'k.png' },
        { region: 'us-east-1', endpoint: 'http://127.0.0.1:4569/s3/' },
      ),
    ).toEqual({
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4569,
      path: '/s3/scones-images/k.png',
    });
  });

  it.each([
    [{ useFips: true }, 'b-1.s3-fips.us-east-1.amazonaws.com'],
    [{ useDualstack: true }, 'b-1.s3.dualstack.us-east-1.amazonaws.com'],
    [{ useFips: true, useDualstack: true }, 'b-1.s3-fips.dualstack.us-east-1.amazonaws.com'],
  ])('honours %j', (flags, hostname) => {
    expect(
      s3RequestTarget({ bucket: 'b-1', key: 'k' }, { region: 'us-east-1', ...flags }).hostname,
    ).toBe(hostname);
  });

  it('uses the China partition domain in cn- regions', () => {
    expect(s3RequestTarget({ bucket: 'b-1', key: 'k' }, { region: 'cn-north-1' }).hostname).toBe(
      'b-1.s3.cn-north-1.amazonaws.com.cn',
    );
  });
});
