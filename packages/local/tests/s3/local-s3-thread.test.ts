// The local S3 on its own thread, as LocalStack starts it, through the real AWS SDK.
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalS3Thread } from '../../src/stack/s3/local-s3-thread';
import { localS3Client } from './local-s3-client';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'scones-s3-thread-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('startLocalS3Thread', () => {
  it('serves objects from its thread until closed, then frees the port', async () => {
    const thread = await startLocalS3Thread({ address: '127.0.0.1', port: 0, directory });
    const s3 = localS3Client(thread.port);
    try {
      await s3.send(new CreateBucketCommand({ Bucket: 'scones-images' }));
      await s3.send(
        new PutObjectCommand({ Bucket: 'scones-images', Key: 'a/b.png', Body: 'bytes' }),
      );
      const object = await s3.send(
        new GetObjectCommand({ Bucket: 'scones-images', Key: 'a/b.png' }),
      );
      expect(await object.Body!.transformToString()).toBe('bytes');
    } finally {
      s3.destroy();
      await thread.close();
    }
    // Closed means the port is free again.
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once('error', reject);
      probe.listen(thread.port, '127.0.0.1', () => probe.close(() => resolve()));
    });
  });

  it('rejects with the listen error when its port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(
        startLocalS3Thread({ address: '127.0.0.1', port, directory }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      taken.close();
    }
  });
});
