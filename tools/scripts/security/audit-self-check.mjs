// Runs before `npm run audit`: proves that audit.mjs fails on an unjustified high advisory and
// passes a justified one, with the real npm audit client against a stand-in advisory service
// (a local HTTP server answering npm's bulk advisory request with one made-up advisory for a
// production dependency). Without it, an audit that can never fail would go unnoticed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
// A production dependency that is not one of ours: the one the made-up advisory names.
const [target] = Object.entries(lock.packages)
  .filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev && !entry.link)
  .map(([key]) => key.slice('node_modules/'.length));

const server = http.createServer((request, response) => {
  request.resume();
  if (request.method === 'POST' && request.url.endsWith('/-/npm/v1/security/advisories/bulk')) {
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        [target]: [
          {
            id: 1,
            url: 'https://advisories.invalid/audit-self-check',
            title: 'Made-up advisory of the audit self-check',
            severity: 'high',
            vulnerable_versions: '>=0.0.0-0',
            cwe: [],
            cvss: { score: 8 },
          },
        ],
      }),
    );
  } else {
    response.writeHead(404).end('{}');
  }
});
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const registry = `http://127.0.0.1:${server.address().port}/`;
const scratch = mkdtempSync(path.join(tmpdir(), 'scones-audit-check-'));

const audit = (exceptions) => {
  const file = path.join(scratch, 'exceptions.json');
  writeFileSync(file, JSON.stringify(exceptions));
  // Asynchronously: this process answers the child's requests meanwhile.
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'audit.mjs')], {
      cwd: root,
      env: { ...process.env, npm_config_registry: registry, AUDIT_EXCEPTIONS: file },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
};

try {
  const unjustified = await audit({});
  const justified = await audit({ [target]: 'made up by the self-check' });
  const failsUnjustified =
    unjustified.status === 1 && unjustified.stderr.includes(`high: ${target}`);
  const passesJustified =
    justified.status === 0 && justified.stdout.includes(`high in ${target}, justified`);
  if (!failsUnjustified || !passesJustified) {
    console.error('audit self-check: audit.mjs did not behave:', { unjustified, justified });
    process.exitCode = 1;
  } else {
    console.log(
      `audit self-check: a made-up high advisory for ${target} fails the audit, and passes once justified.`,
    );
  }
} finally {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}
