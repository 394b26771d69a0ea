// s3rver ships no type declarations; this is the part of its API the project uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  import type FilesystemStore from 's3rver/lib/stores/filesystem';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory: string;
    silent?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: { name: string }[];
  }

  /** A Koa application: `middleware` is Koa's list, run in order. */
  export default class S3rver {
    constructor(options: S3rverOptions);
    store: FilesystemStore;
    context: { store: FilesystemStore };
    middleware: ((ctx: never, next: () => Promise<void>) => unknown)[];
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}

declare module 's3rver/lib/models/object' {
  import type { Readable } from 'node:stream';

  export default class S3Object {
    constructor(
      bucket: string,
      key: string,
      content: Readable | Buffer | null,
      metadata: Record<string, string | number>,
    );
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: Record<string, string>;
    readonly size: number;
    readonly lastModifiedDate: Date;
  }
}

declare module 's3rver/lib/models/error' {
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, unknown>);
    code: string;
  }
}

declare module 's3rver/lib/models/account' {
  export const DUMMY_ACCOUNT: { id: number; displayName: string };
}

declare module 's3rver/lib/controllers/bucket' {
  const controller: {
    /** GET Bucket (ListObjects and ListObjectsV2), called by s3rver's router for each request. */
    getBucket(ctx: never): Promise<void>;
  };
  export default controller;
}

declare module 's3rver/lib/stores/filesystem' {
  import type S3Object from 's3rver/lib/models/object';

  export interface ListOptions {
    delimiter?: string;
    startAfter?: string;
    prefix?: string;
    maxKeys?: number;
  }

  export default class FilesystemStore {
    static decodeKeyPath(keyPath: string): string;
    constructor(rootDirectory: string);
    rootDirectory: string;
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
    getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
    putMetadata(
      bucket: string,
      key: string,
      metadata: Record<string, string>,
      md5?: string,
    ): Promise<void>;
    getBucket(bucket: string): Promise<{ name: string } | null>;
    listObjects(
      bucket: string,
      options: ListOptions,
    ): Promise<{ objects: S3Object[]; commonPrefixes: string[]; isTruncated: boolean }>;
    putObject(object: S3Object): Promise<{ size: number; md5: string }>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata?: Record<string, string>,
    ): Promise<Record<string, string | number>>;
    deleteObject(bucket: string, key: string): Promise<void>;
  }
}
