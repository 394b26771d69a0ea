/**
 * @scones/dataset: the CIFAR-100 binary archive to the layout SageMaker's built-in
 * image-classification algorithm trains on.
 *
 * @example
 * import { prepareDataset } from '@scones/dataset';
 * await prepareDataset({ archive: 'cifar-100-binary.tar.gz', out: 'data/cifar100-bikes' });
 */
export * from './cifar.js';
export * from './errors.js';
export { readCifarArchive, type Split, type SplitRecords } from './read-archive.js';
export { prepareDataset, type PrepareOptions, type PreparedDataset } from './prepare-dataset.js';
export { CIFAR100_BINARY, downloadArchive } from './download.js';
export { uploadDataset } from './upload.js';
