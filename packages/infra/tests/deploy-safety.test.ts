// What `nx run-many -t deploy` and `nx run infra:destroy` do before they touch an account.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const project = path.join(__dirname, '..');
const targets = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')).nx
  .targets as Record<string, { command: string }>;

/** The credentials check as the deploy target runs it, in an environment of the test's choosing. */
function checkCredentials(env: Record<string, string>) {
  const home = mkdtempSync(path.join(tmpdir(), 'no-aws-'));
  return spawnSync(process.execPath, ['scripts/check-aws-credentials.mjs'], {
    cwd: project,
    // No shared files, no instance metadata: only what `env` gives.
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      AWS_CONFIG_FILE: path.join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      ...env,
    },
    encoding: 'utf8',
  });
}

describe('deploy and destroy', () => {
  it('say what to do when there are no AWS credentials, before CDK runs', () => {
    const run = checkCredentials({});
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^no AWS credentials: configure them .* then `cdk bootstrap`/);
    for (const target of ['deploy', 'destroy'])
      expect(targets[target].command).toMatch(/^node scripts\/check-aws-credentials\.mjs && /);
  });

  it('go on when credentials are there', () => {
    const run = checkCredentials({
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('leave broadened IAM to a person to approve and a destroy to confirm, unless asked not to', () => {
    expect(targets['deploy'].command).not.toContain('--require-approval never');
    expect(targets['destroy'].command).not.toContain('--force');
  });
});
