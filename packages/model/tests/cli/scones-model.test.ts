// `scones-model` as a user runs it after `npm ci` and a build: the linked bin, in a subprocess.
import { SageMakerRuntimeClient, InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, realpath, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makePng } from '../../../../tools/testing/images';

const repo = path.resolve(__dirname, '../../../..');
const bin = path.join(repo, 'node_modules/.bin');
const CLI = path.join(bin, 'scones-model');
const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH']}` };
let dir: string;

const run = (...args: string[]) =>
  spawnSync(CLI, args, { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scones-model-cli-'));
  await writeFile(path.join(dir, 'bike.png'), await makePng({ color: { r: 200, g: 30, b: 30 } }));
  await writeFile(path.join(dir, 'note.png'), 'a delivery note');
});

describe('scones-model', () => {
  it('is linked to the committed launcher and runs on Node 24', async () => {
    expect(await realpath(CLI)).toBe(path.join(repo, 'packages/model/bin/scones-model.cjs'));
    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^scones-model\/\d+\.\d+\.\d+ node\/v24\./);
  });

  it.each(['--help', 'help', 'help serve', 'serve --help'])('`%s` prints help, exit 0', (args) => {
    const result = run(...args.split(' '));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: scones-model/);
  });

  it.each([
    [
      'serve --port abc',
      /option '--port <port>' argument 'abc' is invalid. It must be a port number/,
    ],
    ['serve --port 70000', /It must be a port number from 0 to 65535/],
    ['serve --capture-percent 101', /'--capture-percent <p>' argument '101' is invalid/],
    ['serve --faults 503=0.1', /'--faults <spec>' argument '503=0.1' is invalid/],
    [
      'serve --threads 0',
      /'--threads <n>' argument '0' is invalid. It must be a whole number from 1 to 64/,
    ],
    ['serve --max-batch-size 2.5', /'--max-batch-size <n>' argument '2.5' is invalid/],
    ['serve --model-dir nowhere', /There is no model.onnx in nowhere/],
    ['evaluate', /required option '--data <dir>' not specified/],
    ['evaluate --data . --split test', /Allowed choices are validation, training, all/],
    ['evaluate --data .', /There is no train.lst in \. \(--data, --list\)/],
    ['predict missing.png', /No such file: missing.png/],
    ['serve --port 0 --bogus', /unknown option '--bogus'/],
    ['sevre', /unknown command 'sevre'/],
  ])('`%s` exits 2 with the reason', (args, message) => {
    const result = run(...args.split(' '));
    expect(result.stderr).toMatch(message);
    expect(result.status).toBe(2);
  });

  it('predicts an image, and reports a file that is not one with exit 1', () => {
    const result = run('predict', 'bike.png', 'note.png');
    expect(result.stdout).toMatch(/^bike\.png\t(bicycle|motorcycle)\t0\.\d{4}\t\[[\d.,e-]+\]$/m);
    expect(result.stderr).toContain('note.png: Cannot decode the image');
    expect(result.status).toBe(1);
  });

  it('says the port is in use, with exit 2', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const result = run('serve', '--port', String(port));
      expect(result.stderr).toMatch(/the port is in use: choose another with --port/);
      expect(result.status).toBe(2);
    } finally {
      taken.close();
    }
  });

  it('serves the SageMaker runtime contract to the real SDK until stopped', async () => {
    const child = spawn(CLI, ['serve', '--port', '0', '--threads', '1', '--max-batch-size', '4'], {
      cwd: dir,
      env,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const match = /AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME=(\S+)/.exec(out);
          if (match) resolve(match[1]);
        });
      });
      const client = new SageMakerRuntimeClient({
        endpoint: url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      const answer = await client.send(
        new InvokeEndpointCommand({
          EndpointName: 'scones-classifier',
          ContentType: 'image/png',
          Body: await makePng(),
        }),
      );
      const probabilities = JSON.parse(Buffer.from(answer.Body!).toString()) as number[];
      expect(probabilities).toHaveLength(2);
      client.destroy();
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
  });
});
