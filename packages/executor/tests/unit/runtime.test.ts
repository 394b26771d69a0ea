import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const lambdaRuntimeMajor = readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();

describe('the Node the repository runs on', () => {
  it('is the Lambda runtime major named in .nvmrc, for the tests themselves', () => {
    expect(lambdaRuntimeMajor).toBe('24');
    expect(process.version).toMatch(new RegExp(`^v${lambdaRuntimeMajor}\\.`));
  });

  it('is the one `npx node` finds from the repository root', () => {
    const version = execFileSync('npx', ['--no-install', 'node', '--version'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    expect(version).toMatch(new RegExp(`^v${lambdaRuntimeMajor}\\.`));
  });

  it('runs aws-local-stepfunctions without a Promise.withResolvers polyfill', () => {
    expect(Object.prototype.hasOwnProperty.call(Promise, 'withResolvers')).toBe(true);
    expect(Promise.withResolvers.toString()).toContain('[native code]');
  });
});
