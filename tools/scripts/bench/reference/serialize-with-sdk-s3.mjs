// The serialize Lambda as it was before @scones/s3-reader: the same core and envelope, reading
// the object through the AWS SDK's S3 client. Bundled by the benchmark for a side-by-side figure.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { objectReaderFromGetObject, readImagePayload, toEnvelope } from '@scones/contracts';
import { serializeImage } from '@scones/serialize';

const s3 = new S3Client({
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
});
const readObject = objectReaderFromGetObject((input) => s3.send(new GetObjectCommand(input)));

export const handler = async (event) =>
  toEnvelope(await serializeImage(readImagePayload(event), { readObject }));
