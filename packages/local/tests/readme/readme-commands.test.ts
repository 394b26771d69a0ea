// Every `npx scones ...` and `npx scones-model ...` command the READMEs show, run as printed in
// a folder inside the repository (so npx finds the project's bins, as for a user), with the
// files the commands name. A command that needs what no test machine has is listed below with
// the reason, printed at run time; a new README command that is in neither place fails.
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { makeJpeg, makePng } from '../../../../tools/testing/images';

const repo = path.resolve(__dirname, '../../../..');
const READMES = [
  'README.md',
  ...['local', 'model', 'monitor', 'dataset'].map((p) => `packages/${p}/README.md`),
];

const NOT_RUN_HERE: Record<string, string> = {
  'npx scones monitor s3://scones-images/data_capture --since 2026-11-27T00:00:00Z --out report.html':
    "reads an endpoint's capture in AWS S3 (the s3:// path is tested against local S3 in @scones/monitor)",
  'npx scones dataset prepare --from https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz --out data/cifar100-bikes --upload s3://scones-images/training':
    'downloads from the internet and uploads to AWS (a local archive and local S3 are tested in cli/training.test.ts)',
};
const LONG_RUNNING = /^npx scones(-model)? (up|serve)\b/;

/** The commands of a README: sh code-block lines (continuations joined) and inline code spans. */
function readmeCommands(file: string): string[] {
  const text = readFileSync(path.join(repo, file), 'utf8');
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1].replace(/\\\n\s*/g, ''),
  );
  const lines = blocks.flatMap((block) => block.split('\n'));
  const inline = [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`(npx scones[^`]*)`/g)].map(
    (m) => m[1],
  );
  return [...lines, ...inline]
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^npx scones(-model)? /.test(line) && !/<[^>]+>/.test(line));
}

const commands = [...new Set(READMES.flatMap(readmeCommands))];
const runnable = commands.filter((command) => !(command in NOT_RUN_HERE));
for (const command of commands.filter((c) => c in NOT_RUN_HERE))
  console.warn(`Not run here: ${command}\n  because it ${NOT_RUN_HERE[command]}.`);

let work: string;

beforeAll(async () => {
  mkdirSync(path.join(repo, '.scones'), { recursive: true });
  work = mkdtempSync(path.join(repo, '.scones', 'readme-'));
  mkdirSync(path.join(work, 'photos'));
  writeFileSync(
    path.join(work, 'photos/red.png'),
    await makePng({ color: { r: 200, g: 30, b: 30 } }),
  );
  writeFileSync(
    path.join(work, 'photos/blue.png'),
    await makePng({ color: { r: 30, g: 30, b: 200 } }),
  );
  writeFileSync(path.join(work, 'delivery.jpg'), await makeJpeg({ width: 640, height: 480 }));
  writeFileSync(path.join(work, 'photo.png'), await makePng());
  // What the front page says to run first: it leaves the capture the monitor commands read.
  const demo = await run('npx scones demo');
  if (demo.code !== 0) throw new Error(`npx scones demo failed:\n${demo.output}`);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs a command as a shell would; long-running ones until they say they are up, then Ctrl-C:
 * SIGINT to the whole process group (npx, its shell and the CLI), as a terminal sends it.
 */
function run(command: string): Promise<{ code: number | null; output: string }> {
  // npx re-raises the SIGINT its CLI stopped on (the CLI itself exits 0): that is a clean stop.
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', LONG_RUNNING.test(command) ? `exec ${command}` : command], {
      cwd: work,
      env: { ...process.env, CI: 'true' },
      detached: true,
    });
    let output = '';
    let interrupted = false;
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (interrupted || !LONG_RUNNING.test(command)) return;
      if (/Ctrl-C stops it|listening on http/.test(output) && child.pid !== undefined) {
        interrupted = true;
        process.kill(-child.pid, 'SIGINT');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code: interrupted && signal === 'SIGINT' ? 0 : code, output }),
    );
  });
}

describe('the commands the READMEs show', () => {
  it('are found in the READMEs (the parser reads them)', () => {
    expect(runnable).toEqual(
      expect.arrayContaining([
        'npx scones demo',
        'npx scones up',
        'npx scones monitor --out report.html',
        'npx scones-model serve --port 8080 --capture-dir .scones/data_capture',
      ]),
    );
  });

  it.each(runnable)(
    '`%s` runs as printed and exits 0',
    async (command) => {
      // `monitor ./capture` reads a capture folder: the one the earlier commands wrote, copied.
      if (command.includes('./capture'))
        cpSync(
          path.join(work, '.scones/s3/scones-images/data_capture'),
          path.join(work, 'capture'),
          {
            recursive: true,
          },
        );
      if (command.includes('../shared/data') && !existsSync(path.join(repo, '../shared/data'))) {
        console.warn(
          `Not run: ${command}\n  because there is no ../shared/data beside this checkout.`,
        );
        return;
      }
      const { code, output } = await run(
        command.includes('../shared/data') ? `cd ${repo} && ${command}` : command,
      );
      if (code !== 0) throw new Error(`${command} exited ${code}:\n${output}`);
      expect(code).toBe(0);
    },
    120_000,
  );
});

it("runs them where npx finds the project's own scones, not the registry", () => {
  const npx = spawnSync('npx', ['--no-install', 'scones', '--version'], {
    cwd: work,
    encoding: 'utf8',
  });
  expect(npx.stdout).toMatch(/^scones\//);
});

it('the front page has a line for every package of the repository', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const packages = readdirSync(path.join(repo, 'packages')).filter((dir) =>
    existsSync(path.join(repo, 'packages', dir, 'package.json')),
  );
  expect(packages.length).toBeGreaterThanOrEqual(12);
  for (const dir of packages) {
    const { name } = JSON.parse(
      readFileSync(path.join(repo, 'packages', dir, 'package.json'), 'utf8'),
    );
    expect(readme).toContain(`| [\`${name}\`](packages/${dir})`);
  }
});
