import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  DatasetArchiveError,
  interleavedToPlanar,
  planarToInterleaved,
  prepareDataset,
} from '../src/index.js';
import { randomRecords, recordsBin, writeArchive } from '../../../tools/testing/cifar-archive';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cifar-'));
});

describe('prepareDataset', () => {
  it('keeps bicycles and motorcycles, relabels them 0 and 1, and round-trips every pixel', async () => {
    const train = randomRecords([3, 8, 48, 8, 99, 48, 8]);
    const test = randomRecords([48, 1, 8]);
    await writeArchive(path.join(dir, 'cifar.tar.gz'), {
      'cifar-100-binary/test.bin': recordsBin(test),
      'cifar-100-binary/train.bin': recordsBin(train),
    });
    const out = path.join(dir, 'out');
    const result = await prepareDataset({ archive: path.join(dir, 'cifar.tar.gz'), out });
    expect(result.counts).toEqual({
      train: { bicycle: 3, motorcycle: 2 },
      test: { motorcycle: 1, bicycle: 1 },
    });
    expect(await readFile(path.join(out, 'train.lst'), 'utf8')).toBe(
      [
        '1\t0\tbicycle_00001.png',
        '2\t1\tmotorcycle_00002.png',
        '3\t0\tbicycle_00003.png',
        '5\t1\tmotorcycle_00005.png',
        '6\t0\tbicycle_00006.png',
        '',
      ].join('\n'),
    );
    expect(await readFile(path.join(out, 'test.lst'), 'utf8')).toBe(
      '0\t1\tmotorcycle_00000.png\n2\t0\tbicycle_00002.png\n',
    );
    for (const [split, records] of [
      ['train', train],
      ['test', test],
    ] as const) {
      for (const line of (await readFile(path.join(out, `${split}.lst`), 'utf8'))
        .trim()
        .split('\n')) {
        const [index, , name] = line.split('\t');
        const { data, info } = await sharp(path.join(out, split, name))
          .raw()
          .toBuffer({ resolveWithObject: true });
        expect([info.width, info.height, info.channels]).toEqual([32, 32, 3]);
        expect(interleavedToPlanar(data).equals(records[Number(index)].planes)).toBe(true);
      }
    }
  });

  it('keeps the classes asked for, in that order', async () => {
    await writeArchive(path.join(dir, 'cifar.tar.gz'), {
      'cifar-100-binary/train.bin': recordsBin(randomRecords([13, 58, 13])),
      'cifar-100-binary/test.bin': recordsBin(randomRecords([58])),
    });
    const result = await prepareDataset({
      archive: path.join(dir, 'cifar.tar.gz'),
      out: path.join(dir, 'out'),
      fineLabels: [58, 13],
    });
    expect(result.labels).toEqual(['pickup_truck', 'bus']);
    expect(await readFile(path.join(dir, 'out/train.lst'), 'utf8')).toBe(
      '0\t1\tbus_00000.png\n1\t0\tpickup_truck_00001.png\n2\t1\tbus_00002.png\n',
    );
  });

  it.each([
    [
      'a train.bin that is not whole records',
      async (file: string) =>
        writeArchive(file, {
          'x/train.bin': Buffer.concat([recordsBin(randomRecords([8])), Buffer.alloc(5)]),
          'x/test.bin': Buffer.alloc(0),
        }),
      /not a whole number of 3074-byte records/,
    ],
    [
      'a truncated archive',
      async (file: string) =>
        writeFile(
          file,
          (
            await writeArchive(file, {
              'x/train.bin': recordsBin(randomRecords([8, 48, 8])),
              'x/test.bin': Buffer.alloc(0),
            })
          ).subarray(0, 2000),
        ),
      /truncated/,
    ],
    [
      'a file that is not gzip',
      async (file: string) => writeFile(file, 'not an archive'),
      /Not a gzip archive/,
    ],
    [
      'an archive without train.bin',
      async (file: string) => writeArchive(file, { 'x/test.bin': recordsBin(randomRecords([8])) }),
      /no train\.bin/,
    ],
  ])('rejects %s with DatasetArchiveError', async (_case, make, message) => {
    const file = path.join(dir, 'bad.tar.gz');
    await make(file);
    const attempt = prepareDataset({ archive: file, out: path.join(dir, 'out') });
    await expect(attempt).rejects.toThrow(DatasetArchiveError);
    await expect(prepareDataset({ archive: file, out: path.join(dir, 'out') })).rejects.toThrow(
      message,
    );
  });

  it('names a missing archive and a class CIFAR-100 does not have', async () => {
    await expect(
      prepareDataset({ archive: path.join(dir, 'none.tar.gz'), out: dir }),
    ).rejects.toThrow(/No archive at/);
    await expect(
      prepareDataset({ archive: path.join(dir, 'none.tar.gz'), out: dir, fineLabels: [100] }),
    ).rejects.toThrow(/not one of CIFAR-100's 0 to 99/);
  });
});

const SHARED = path.resolve(
  process.env['SCONES_DATA'] ?? path.join(__dirname, '../../../../shared/data/cifar100-bikes'),
);
const hasShared = existsSync(path.join(SHARED, 'train.lst'));
if (!hasShared) console.warn(`Skipping the layout test: no training data at ${SHARED}.`);

(hasShared ? describe : describe.skip)('against ../shared/data', () => {
  it('reproduces its layout (the same counts per class, the same pixels) from an archive of its images', async () => {
    const entries = (await readFile(path.join(SHARED, 'train.lst'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => line.split('\t'));
    const records = await Promise.all(
      entries.map(async ([, label, name]) => ({
        coarse: 18,
        fine: label === '0' ? 8 : 48,
        planes: interleavedToPlanar(
          (await sharp(path.join(SHARED, 'train', name))
            .removeAlpha()
            .raw()
            .toBuffer()) as Buffer,
        ),
      })),
    );
    const distractors = randomRecords(
      Array.from({ length: 200 }, (_, i) => [3, 13, 58, 90][i % 4]),
    );
    await writeArchive(path.join(dir, 'cifar.tar.gz'), {
      'cifar-100-binary/train.bin': recordsBin([
        ...distractors.slice(0, 100),
        ...records,
        ...distractors.slice(100),
      ]),
      'cifar-100-binary/test.bin': recordsBin(distractors.slice(0, 10)),
    });
    const out = path.join(dir, 'out');
    const result = await prepareDataset({ archive: path.join(dir, 'cifar.tar.gz'), out });
    const counts = (lines: string[][]) => ({
      bicycle: lines.filter((l) => l[1] === '0').length,
      motorcycle: lines.filter((l) => l[1] === '1').length,
    });
    expect(result.counts.train).toEqual(counts(entries));
    expect(result.counts.train).toEqual({ bicycle: 500, motorcycle: 500 });
    expect((await readdir(path.join(out, 'train'))).length).toBe(1000);
    const first = (await readFile(path.join(out, 'train.lst'), 'utf8')).split('\n')[0].split('\t');
    const written = await sharp(path.join(out, 'train', first[2]))
      .raw()
      .toBuffer();
    const original = await sharp(path.join(SHARED, 'train', entries[0][2]))
      .removeAlpha()
      .raw()
      .toBuffer();
    expect(written.equals(original)).toBe(true);
    expect(planarToInterleaved(records[0].planes).equals(original)).toBe(true);
  }, 120_000);
});
