import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ResultFile, ResultSink } from '@scones/executor';

// S3's smallest part but the last (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).
const PART_BYTES = 5 * 1024 * 1024;

/**
 * Result files written to S3 as they grow: a file under 5 MiB is one PutObject; a larger one a
 * multipart upload of 5 MiB parts, so a result file of any size needs 5 MiB of memory.
 *
 * @example
 * runDistributedMap({ ...options, results: s3ResultSink(stack.s3) });
 */
export function s3ResultSink(s3: S3Client): ResultSink {
  return (bucket, key) => new S3ResultFile(s3, bucket, key);
}

class S3ResultFile implements ResultFile {
  private pending: string[] = [];
  private pendingBytes = 0;
  private uploadId?: Promise<string>;
  private readonly parts: Promise<{ ETag?: string; PartNumber: number }>[] = [];

  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly key: string,
  ) {}

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += Buffer.byteLength(text);
    if (this.pendingBytes >= PART_BYTES) await this.uploadPart();
  }

  async close(): Promise<void> {
    const ContentType = 'application/json';
    if (!this.uploadId) {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key,
          Body: this.pending.join(''),
          ContentType,
        }),
      );
      return;
    }
    if (this.pendingBytes > 0) await this.uploadPart();
    const UploadId = await this.uploadId;
    await this.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: this.key,
        UploadId,
        MultipartUpload: { Parts: await Promise.all(this.parts) },
      }),
    );
  }

  // Cuts what is pending into the next part; the parts upload in order of their numbers.
  private async uploadPart(): Promise<void> {
    const Body = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.uploadId ??= this.s3
      .send(
        new CreateMultipartUploadCommand({
          Bucket: this.bucket,
          Key: this.key,
          ContentType: 'application/json',
        }),
      )
      .then(({ UploadId }) => {
        if (!UploadId) throw new Error(`S3 started no multipart upload for ${this.key}.`);
        return UploadId;
      });
    const PartNumber = this.parts.length + 1;
    const part = this.uploadId.then(async (UploadId) => {
      const { ETag } = await this.s3.send(
        new UploadPartCommand({ Bucket: this.bucket, Key: this.key, UploadId, PartNumber, Body }),
      );
      return { ETag, PartNumber };
    });
    this.parts.push(part);
    await part;
  }
}
