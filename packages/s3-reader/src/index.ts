/**
 * @scones/s3-reader: reads one S3 object with a SigV4-signed GET (the AWS SDK's own signer), for
 * Lambdas that need nothing else of S3 and pay for every kilobyte at cold start.
 *
 * @example
 * import { createS3ObjectReader, s3ReaderOptionsFromEnvironment } from '@scones/s3-reader';
 * const readObject = createS3ObjectReader(s3ReaderOptionsFromEnvironment(process.env));
 * const png = await readObject({ bucket: 'scones-images', key: 'test/bicycle.png', maxBytes: 6_291_456 });
 */
export * from './s3-object-reader.js';
export * from './environment.js';
export * from './credentials.js';
export * from './s3-endpoint.js';
export * from './s3-request-error.js';
export * from './s3-errors.js';
export * from './object-reader-from-get-object.js';
