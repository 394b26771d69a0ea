import S3rver from 's3rver';
import bucketController from 's3rver/lib/controllers/bucket';
import { listObjects } from './list-objects.js';
import { LocalObjectStore } from './object-store.js';
import { routeWholeKeys } from './key-routing.js';

export interface LocalS3ServerOptions {
  address: string;
  /** 0 for any free port. */
  port: number;
  /** Where the buckets are kept, one folder each. */
  directory: string;
}

/**
 * s3rver 3.7.1 (pinned: these repairs reach into its modules), repaired where it departs from S3
 * on what a day of photos needs: every key S3 allows stores, lists and reads back
 * (`LocalObjectStore`, `routeWholeKeys`), and listings page past 1,000 objects (`listObjects`).
 *
 * @example
 * const server = localS3Server({ address: '127.0.0.1', port: 0, directory: '.scones/s3' });
 * const { port } = await server.run();
 */
export function localS3Server(options: LocalS3ServerOptions): S3rver {
  repairListings();
  const server = new S3rver({ ...options, silent: true });
  server.store = server.context.store = new LocalObjectStore(options.directory);
  // The router is the last middleware; the repair of its paths goes just before it.
  server.middleware.splice(server.middleware.length - 1, 0, routeWholeKeys as never);
  return server;
}

let listingsRepaired = false;

// s3rver's router calls the controller through its module at each request; the replacement
// falls back to the original for servers built without LocalObjectStore.
function repairListings(): void {
  if (listingsRepaired) return;
  const original = bucketController.getBucket;
  if (original.name !== 'getBucket' || original.length !== 1)
    throw new Error('s3rver is not the version @scones/local repairs (3.7.1)');
  bucketController.getBucket = listObjects(original);
  listingsRepaired = true;
}
