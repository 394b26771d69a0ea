import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChecksumMismatchError, downloadArchive, uploadDataset } from '../src/index.js';
import { startLocalS3 } from '../../../tools/testing/local-s3';

describe('downloadArchive', () => {
  const body = Buffer.from('pretend this is cifar-100-binary.tar.gz');
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_request, response) =>
      response.writeHead(200, { 'content-length': body.length }).end(body),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cifar-100-binary.tar.gz`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads with progress and accepts the published checksum', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dl-')), 'a.tar.gz');
    const progress: number[] = [];
    await downloadArchive(url, file, {
      md5: createHash('md5').update(body).digest('hex'),
      onProgress: (received) => progress.push(received),
    });
    expect(await readFile(file)).toEqual(body);
    expect(progress.at(-1)).toBe(body.length);
  });

  it('refuses a file whose checksum differs', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'dl-')), 'a.tar.gz');
    await expect(
      downloadArchive(url, file, { md5: '03b5dce01913d631647c71ecec9e9cb8' }),
    ).rejects.toThrow(ChecksumMismatchError);
  });
});

describe('uploadDataset', () => {
  it('uploads the splits into the channels SageMaker reads, through the AWS SDK', async () => {
    const s3 = await startLocalS3(['scones-images']);
    try {
      const folder = await mkdtemp(path.join(tmpdir(), 'ds-'));
      for (const split of ['train', 'test']) {
        await mkdir(path.join(folder, split));
        await writeFile(path.join(folder, split, `bicycle_0000${split.length}.png`), 'png');
        await writeFile(
          path.join(folder, `${split}.lst`),
          `1\t0\tbicycle_0000${split.length}.png\n`,
        );
      }
      const progress: number[] = [];
      await expect(
        uploadDataset(s3.client, folder, 's3://scones-images/training/', (n) => progress.push(n)),
      ).resolves.toBe(4);
      const listed = await s3.client.send(
        new ListObjectsV2Command({ Bucket: 'scones-images', Prefix: 'training/' }),
      );
      expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([
        'training/train/bicycle_00005.png',
        'training/train_lst/train.lst',
        'training/validation/bicycle_00004.png',
        'training/validation_lst/validation.lst',
      ]);
      expect(progress).toEqual([1, 2, 3, 4]);
    } finally {
      await s3.stop();
    }
  });
});
