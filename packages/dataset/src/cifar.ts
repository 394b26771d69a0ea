/** CIFAR-100's binary format: per image 1 coarse-label byte, 1 fine-label byte, 32x32 pixels as R, G, B planes. */
export const CIFAR_IMAGE_SIZE = 32;
export const CIFAR_PIXEL_BYTES = 3 * CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE;
export const CIFAR_RECORD_BYTES = 2 + CIFAR_PIXEL_BYTES;

/** The 100 fine labels, by index (as fine_label_names.txt lists them). */
export const CIFAR100_FINE_LABELS = [
  'apple',
  'aquarium_fish',
  'baby',
  'bear',
  'beaver',
  'bed',
  'bee',
  'beetle',
  'bicycle',
  'bottle',
  'bowl',
  'boy',
  'bridge',
  'bus',
  'butterfly',
  'camel',
  'can',
  'castle',
  'caterpillar',
  'cattle',
  'chair',
  'chimpanzee',
  'clock',
  'cloud',
  'cockroach',
  'couch',
  'crab',
  'crocodile',
  'cup',
  'dinosaur',
  'dolphin',
  'elephant',
  'flatfish',
  'forest',
  'fox',
  'girl',
  'hamster',
  'house',
  'kangaroo',
  'keyboard',
  'lamp',
  'lawn_mower',
  'leopard',
  'lion',
  'lizard',
  'lobster',
  'man',
  'maple_tree',
  'motorcycle',
  'mountain',
  'mouse',
  'mushroom',
  'oak_tree',
  'orange',
  'orchid',
  'otter',
  'palm_tree',
  'pear',
  'pickup_truck',
  'pine_tree',
  'plain',
  'plate',
  'poppy',
  'porcupine',
  'possum',
  'rabbit',
  'raccoon',
  'ray',
  'road',
  'rocket',
  'rose',
  'sea',
  'seal',
  'shark',
  'shrew',
  'skunk',
  'skyscraper',
  'snail',
  'snake',
  'spider',
  'squirrel',
  'streetcar',
  'sunflower',
  'sweet_pepper',
  'table',
  'tank',
  'telephone',
  'television',
  'tiger',
  'tractor',
  'train',
  'trout',
  'tulip',
  'turtle',
  'wardrobe',
  'whale',
  'willow_tree',
  'wolf',
  'woman',
  'worm',
] as const;

/** The workflow's classes: 8 = bicycle and 48 = motorcycle, relabelled 0 and 1. */
export const DEFAULT_FINE_LABELS = [8, 48] as const;

/** One image of the archive. */
export interface CifarRecord {
  /** Its position in train.bin or test.bin (the index column of the .lst files). */
  index: number;
  coarseLabel: number;
  fineLabel: number;
  /** 3,072 bytes: the R, G and B planes. */
  planes: Uint8Array;
}

/** Channel-planar pixels (RRR...GGG...BBB) to interleaved RGB, as image encoders take them. */
export function planarToInterleaved(planes: Uint8Array): Buffer {
  const plane = CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE;
  const rgb = Buffer.alloc(3 * plane);
  for (let i = 0; i < plane; i++) {
    rgb[i * 3] = planes[i];
    rgb[i * 3 + 1] = planes[plane + i];
    rgb[i * 3 + 2] = planes[2 * plane + i];
  }
  return rgb;
}

/** Interleaved RGB to CIFAR's channel-planar layout. */
export function interleavedToPlanar(rgb: Uint8Array): Buffer {
  const plane = CIFAR_IMAGE_SIZE * CIFAR_IMAGE_SIZE;
  const planes = Buffer.alloc(3 * plane);
  for (let i = 0; i < plane; i++) {
    planes[i] = rgb[i * 3];
    planes[plane + i] = rgb[i * 3 + 1];
    planes[2 * plane + i] = rgb[i * 3 + 2];
  }
  return planes;
}
