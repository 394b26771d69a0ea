import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isValidationPath, readList } from '../../src/index.js';

describe('readList', () => {
  it('reads index, label and path, tab-separated, skipping blank lines', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lst-'));
    await writeFile(
      path.join(dir, 'train.lst'),
      '16\t0\tbike_s_000682.png\n152\t1\tminibike_s_000824.png\n\n',
    );
    await expect(readList(path.join(dir, 'train.lst'))).resolves.toEqual([
      { index: 16, label: 0, path: 'bike_s_000682.png' },
      { index: 152, label: 1, path: 'minibike_s_000824.png' },
    ]);
  });

  it('names the line that is not in the format', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lst-'));
    await writeFile(path.join(dir, 'bad.lst'), '1\t0\ta.png\n2 1 b.png\n');
    await expect(readList(path.join(dir, 'bad.lst'))).rejects.toThrow(
      /bad.lst:2: expected "index<TAB>label<TAB>path"/,
    );
  });
});

describe('isValidationPath', () => {
  it('holds out about one image in five, by a hash of the path, as train.py does', () => {
    const names = Array.from(
      { length: 5000 },
      (_, i) => `bicycle_s_${String(i).padStart(6, '0')}.png`,
    );
    const share = names.filter(isValidationPath).length / names.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
    // First bytes of the SHA-256 of each name: 50, 20, 215 (multiples of 5) and 26, 119, 6.
    expect(
      ['minibike_s_001177.png', 'motorcycle_s_001792.png', 'velocipede_s_001585.png'].every(
        isValidationPath,
      ),
    ).toBe(true);
    expect(
      ['bike_s_000682.png', 'cycle_s_002598.png', 'motorcycle_s_001856.png'].some(isValidationPath),
    ).toBe(false);
  });
});
