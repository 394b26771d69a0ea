/** The archive is not CIFAR-100's binary archive, or it is corrupt or truncated. */
export class DatasetArchiveError extends Error {
  override readonly name = 'DatasetArchiveError';
}

/** A download's checksum differs from the published one. */
export class ChecksumMismatchError extends Error {
  override readonly name = 'ChecksumMismatchError';
}
