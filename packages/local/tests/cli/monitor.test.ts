// Round trip: images classified by the local stack appear in `scones monitor`'s report.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeJpeg, makePng } from '../../../../tools/testing/images';
import { runCli } from './run-cli';

let dir: string;
let classified: { file: string; status: string; inferences: number[] | null }[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scones-monitor-'));
  await writeFile(path.join(dir, 'a.png'), await makePng({ color: { r: 10, g: 10, b: 200 } }));
  await writeFile(path.join(dir, 'b.jpg'), await makeJpeg({ color: { r: 240, g: 200, b: 20 } }));
  await writeFile(path.join(dir, 'c.png'), await makePng({ width: 64, height: 40 }));
  await writeFile(path.join(dir, 'note.png'), 'not a photo');
  const run = await runCli(
    ['classify', 'a.png', 'b.jpg', 'c.png', 'note.png', '--json', '--data-dir', 'stack'],
    { cwd: dir },
  );
  expect(run.code).toBe(0);
  classified = JSON.parse(run.stdout);
}, 60_000);

describe('scones monitor', () => {
  it('reports every image the endpoint classified in the local stack’s capture, exactly', async () => {
    const run = await runCli(['monitor', '--json', '--data-dir', 'stack', '--threshold', '0.5'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const reached = classified.filter((r) => r.inferences !== null);
    expect(reached).toHaveLength(3);
    expect(report.summary.count).toBe(3);
    expect(report.problems).toEqual([]);
    const sorted = (lists: number[][]) => lists.map((l) => JSON.stringify(l)).sort();
    expect(
      sorted(report.inferences.map((r: { probabilities: number[] }) => r.probabilities)),
    ).toEqual(sorted(reached.map((r) => r.inferences!)));
    expect(report.threshold).toBe(0.5);
  });

  it('writes the HTML report and prints the summary', async () => {
    const run = await runCli(['monitor', '--data-dir', 'stack', '--out', 'report.html'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/3 inferences from \d+ files?/);
    expect(run.stdout).toContain('report: report.html');
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    // One chart more than before: the pass rate per hour.
    expect(html.match(/<svg/g)).toHaveLength(4);
  });

  it.each([
    ['a folder that does not exist', ['monitor', 'nowhere'], /No such folder: nowhere/],
    [
      'a --since that is not a time',
      ['monitor', '--data-dir', 'stack', '--since', 'yesterday'],
      /option '--since <time>' argument 'yesterday' is invalid. It must be an ISO time/,
    ],
  ])('exits 2 with a message for %s', async (_case, args, message) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
