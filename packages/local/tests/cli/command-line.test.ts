// `scones` as a new user meets it after `npm ci` and a build: the linked bin, its help, version
// and exit codes, options per command, output through pipes, folders as people keep them, and
// the deployed mode's one-line answers when AWS is not set up.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalStack } from '../../src/stack/local-stack';
import { makePng } from '../../../../tools/testing/images';
import { CLI, runCli } from './run-cli';

const repo = path.resolve(__dirname, '../../../..');
let dir: string;

// A Node stack trace in stderr means an error reached the user unexplained.
const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scones-cli-'));
  await mkdir(path.join(dir, 'many'));
  const png = await makePng({ color: { r: 30, g: 60, b: 200 } });
  await Promise.all(
    Array.from({ length: 400 }, (_, i) => writeFile(path.join(dir, `many/${i}.png`), png)),
  );
  await mkdir(path.join(dir, 'mixed/real'), { recursive: true });
  await writeFile(path.join(dir, 'mixed/real/bike.png'), png);
  await symlink(path.join(dir, 'mixed/real/bike.png'), path.join(dir, 'mixed/linked.png'));
  await symlink(path.join(dir, 'mixed/real'), path.join(dir, 'mixed/linked-folder'));
  await symlink(path.join(dir, 'nowhere.png'), path.join(dir, 'mixed/broken.png'));
  await writeFile(path.join(dir, 'mixed/._bike.png'), 'AppleDouble metadata, not a photo');
  await writeFile(path.join(dir, 'mixed/.DS_Store'), '');
  await writeFile(path.join(dir, 'mixed/IMG_0001.HEIC'), 'heic');
  await writeFile(path.join(dir, 'mixed/a.webp'), 'webp');
  await writeFile(path.join(dir, 'mixed/b.webp'), 'webp');
  await writeFile(path.join(dir, 'mixed/c.gif'), 'gif');
  await writeFile(path.join(dir, 'a-file'), 'not a folder');
  await mkdir(path.join(dir, 'fails'));
  await writeFile(path.join(dir, 'fails/good.png'), png);
  for (const name of ['note-1.png', 'note-2.png', 'note-3.png'])
    await writeFile(path.join(dir, 'fails', name), 'a delivery note posing as a photo');
});

describe('the scones bin', () => {
  it('is linked by npm ci to the committed launcher, not to a build output', async () => {
    expect(await realpath(CLI)).toBe(path.join(repo, 'packages/local/bin/scones.cjs'));
    const [mode] = execFileSync('git', ['ls-files', '-s', 'packages/local/bin/scones.cjs'], {
      cwd: repo,
      encoding: 'utf8',
    }).split(' ');
    expect(mode).toBe('100755');
  });

  it('prints its version, Node 24 (the Lambda runtime) and the platform', async () => {
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^scones\/\d+\.\d+\.\d+ node\/v24\.\d+\.\d+ \w+\/\w+$/);
  });

  it.each(['--help', 'help', 'help batch', 'batch --help'])(
    '`scones %s` prints help and exits 0',
    async (args) => {
      const run = await runCli(args.split(' '));
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: scones/);
    },
  );

  it('lists every command with its exit codes in the main help', async () => {
    const { stdout } = await runCli(['--help']);
    for (const command of ['classify', 'batch', 'up', 'monitor', 'demo', 'dataset', 'train'])
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(stdout).toContain('Exit codes: 0 done, 1 the run failed');
  });

  it.each([
    ['no command', [], /Usage: scones/],
    ['an option of another command', ['monitor', '--s3-port', '77'], /unknown option '--s3-port'/],
    ['a misspelt option', ['up', '--thresold', '0.5'], /Did you mean --threshold\?/],
    [
      'an empty threshold',
      ['classify', 'many', '--threshold', ''],
      /'--threshold <n>' argument '' is invalid/,
    ],
    [
      'a threshold in hex',
      ['batch', 'many', '--threshold', '0x1'],
      /It must be a number from 0 to 1/,
    ],
    [
      'a port that is not a number',
      ['up', '--s3-port', 'abc'],
      /'--s3-port <port>' argument 'abc' is invalid/,
    ],
    [
      'zero children at once',
      ['batch', 'many', '--concurrency', '0'],
      /whole number of at least 1/,
    ],
    [
      '--temporary with --data-dir',
      ['classify', 'many', '--temporary', '--data-dir', 'x'],
      /cannot be used with option '--data-dir/,
    ],
    [
      'train without --data',
      ['train', '--state-machine-arn', 'arn:x'],
      /required option '--data <s3-uri>' not specified/,
    ],
    [
      'train with a local --data',
      ['train', '--state-machine-arn', 'arn:x', '--data', 'data/'],
      /It must be an s3:\/\/bucket\/prefix URI/,
    ],
    [
      'batch of an S3 prefix and a folder',
      ['batch', 's3://b/p', 'many', '--temporary'],
      /one s3:\/\/bucket\/prefix, or local files and folders/,
    ],
  ])('exits 2 before starting anything for %s', async (_case, args, message) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('scones output through a pipe', () => {
  // A reader that starts late fills the pipe's 64 KiB buffer: a process that exits right after
  // writing would cut its output there.
  const piped = (command: string) =>
    spawnSync('sh', ['-c', `${command} | (sleep 1; cat)`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path.dirname(CLI)}${path.delimiter}${process.env['PATH']}` },
      maxBuffer: 64 * 1024 * 1024,
    });

  it('arrives whole from classify --json and from monitor --json on the same capture', () => {
    const classified = piped('scones classify many --json --data-dir stack');
    expect(classified.status).toBe(0);
    expect(classified.stdout.length).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(classified.stdout)).toHaveLength(400);

    const monitored = piped('scones monitor --json --data-dir stack');
    expect(monitored.status).toBe(0);
    expect(monitored.stdout.length).toBeGreaterThan(64 * 1024);
    expect(JSON.parse(monitored.stdout).inferences).toHaveLength(400);
  });

  const jq = spawnSync('jq', ['--version']).status === 0;
  if (!jq) console.warn('Skipping the jq pipe test: no jq on PATH (the README shows `| jq`).');
  (jq ? it : it.skip)('is read by jq as the README shows', () => {
    const run = piped(`scones classify many --json --data-dir stack | jq -r 'length'`);
    expect(run.stdout.trim()).toBe('400');
  });
});

describe('scones with folders as people keep them', () => {
  it('follows symbolic links, skips hidden files and says what it skipped and why', async () => {
    const run = await runCli(['classify', 'mixed', '--json', '--temporary'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual([
      'mixed/linked-folder/bike.png',
      'mixed/linked.png',
      'mixed/real/bike.png',
    ]);
    expect(run.stderr).toContain(
      'skipped 4 files that are not PNG or JPEG: .gif 1, .heic 1, .webp 2 (HEIC is the iPhone camera format: convert those to JPEG first)',
    );
    expect(run.stderr).toContain('skipped 2 hidden entries (names starting with "."): ');
    expect(run.stderr).toContain('mixed/._bike.png');
    expect(run.stderr).toContain('skipped 1 broken symbolic link: mixed/broken.png');
  });
});

describe('scones batch', () => {
  it('takes a single file, keeping its name', async () => {
    const run = await runCli(['batch', 'many/7.png', '--json', '--temporary'], { cwd: dir });
    expect(run.code).toBe(0);
    const { summary, items } = JSON.parse(run.stdout);
    expect(summary.images).toBe(1);
    expect(items[0].key).toMatch(/^batch\/\w+\/7\.png$/);
    expect(items[0].file).toBe('many/7.png');
  });

  it('counts low-confidence images as results, not failures: the run succeeds', async () => {
    const run = await runCli(['batch', 'many', '--threshold', '0.9999', '--temporary'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Map run SUCCEEDED: 400 images: 0 passed, 400 below threshold, 0 failed$/m,
    );
  });

  it('fails past its tolerance and lists every failed item, in words that match the numbers', async () => {
    const run = await runCli(['batch', 'fails', '--temporary'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^Map run FAILED: 4 images: \d passed, \d below threshold, 3 failed/m,
    );
    expect(run.stdout).toContain(
      'States.ExceedToleratedFailureThreshold: 3 of 4 items failed, more than the tolerated 10%.',
    );
    const listed = run.stdout.split('Failed items:\n')[1]?.trim().split('\n') ?? [];
    expect(listed.map((line) => line.split(':')[0].trim()).sort()).toEqual([
      'fails/note-1.png',
      'fails/note-2.png',
      'fails/note-3.png',
    ]);
    for (const line of listed) expect(line).toContain('UnsupportedImageError');
  });
});

describe('scones on a terminal', () => {
  // util-linux's `script` runs a command on a pseudo-terminal, as a person's shell would.
  const terminal = spawnSync('script', ['--version']).status === 0;
  if (!terminal)
    console.warn('Skipping the terminal test: no util-linux `script` to open a terminal.');
  (terminal ? it : it.skip)('shows upload and classification progress bars on stderr', () => {
    const run = spawnSync(
      'script',
      ['--quiet', '--return', '--command', 'scones batch many --temporary', '/dev/null'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: {
          ...process.env,
          PATH: `${path.dirname(CLI)}${path.delimiter}${process.env['PATH']}`,
        },
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/uploading \[#*\.*\] \d+\/400/);
    expect(run.stdout).toMatch(/classifying \[#*\.*\] \d+\/400/);
    expect(run.stdout).toContain('Map run SUCCEEDED: 400 images');
  });
});

describe('scones when AWS or the local stack is not set up', () => {
  let stack: LocalStack;
  let awsFree: Record<string, string>;

  beforeAll(async () => {
    // A stack serving the Step Functions API, as `scones up` would; the CLI reaches it through
    // the SDK's own endpoint variables, as it would reach AWS.
    stack = await LocalStack.start({ temporary: true, stepFunctionsApi: true });
    awsFree = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
    ) as Record<string, string>;
    // Never ask the EC2 instance metadata service (a link-local address) for credentials.
    awsFree['AWS_EC2_METADATA_DISABLED'] = 'true';
    awsFree['AWS_CONFIG_FILE'] = path.join(dir, 'no-aws-config');
    awsFree['AWS_SHARED_CREDENTIALS_FILE'] = path.join(dir, 'no-aws-credentials');
  });
  afterAll(() => stack.stop());

  const deployed = (bucket: string, arn = stack.stateMachineArn) => [
    'classify',
    'many/1.png',
    '--state-machine-arn',
    arn,
    '--bucket',
    bucket,
  ];
  const toLocal = () => ({
    ...stack.environment(),
    AWS_EC2_METADATA_DISABLED: 'true',
  });

  it.each([
    [
      'no region',
      () => deployed(stack.bucket),
      () => ({}),
      /No AWS region is set: export AWS_REGION/,
    ],
    [
      'no credentials',
      () => deployed(stack.bucket),
      () => ({ AWS_REGION: 'eu-west-1' }),
      /No AWS credentials were found .*: run `aws configure`/,
    ],
    [
      'a bucket that does not exist',
      () => deployed('no-such-bucket'),
      toLocal,
      /No bucket named no-such-bucket in this account and region/,
    ],
    [
      'a state machine that does not exist',
      () => deployed(stack.bucket, stack.stateMachineArn.replace(/[^:]+$/, 'no-such-machine')),
      toLocal,
      /No state machine arn:aws:states:us-east-1:000000000000:stateMachine:no-such-machine/,
    ],
    [
      'a batch of a bucket the local S3 does not have',
      () => ['batch', 's3://no-such-bucket/photos/', '--temporary'],
      () => ({}),
      /No bucket no-such-bucket in the local S3/,
    ],
    [
      '--data-dir naming a file',
      () => ['classify', 'many/1.png', '--data-dir', 'a-file'],
      () => ({}),
      /The data folder .*a-file is a file: name a folder/,
    ],
    [
      'a monitor folder that does not exist',
      () => ['monitor', 'nowhere'],
      () => ({}),
      /No such folder: nowhere/,
    ],
  ])('says what to do in one line and exits 2 for %s', async (_case, args, env, message) => {
    const run = await runCli(args(), {
      cwd: dir,
      env: { ...awsFree, ...env() },
      cleanEnv: true,
    });
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.code).toBe(2);
  });
});
