// A throwaway verdaccio registry on 127.0.0.1: @scones packages live only here; every other
// package is fetched through it from the public registry, so a consumer needs this registry only.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startVerdaccio(root, workDir, upstream) {
  const port = await freePort();
  const config = path.join(workDir, 'verdaccio.yaml');
  await mkdir(path.join(workDir, 'storage'), { recursive: true });
  await writeFile(
    config,
    `storage: ${path.join(workDir, 'storage')}
auth:
  htpasswd:
    file: ${path.join(workDir, 'htpasswd')}
    max_users: 10
uplinks:
  upstream:
    url: ${upstream}
    timeout: 60s
packages:
  '@scones/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    proxy: upstream
web:
  enable: false
middlewares:
  audit:
    enabled: false
log: { type: stdout, format: pretty, level: warn }
`,
  );
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      config,
      '--listen',
      `127.0.0.1:${port}`,
    ],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/-/ping`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 150) {
      await stop();
      throw new Error('verdaccio did not start within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, pid: child.pid, stop };
}

/** Creates a user and returns its token, as `npm adduser` would. */
export async function addUser(url, name, password) {
  const response = await fetch(`${url}/-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!response.ok)
    throw new Error(`verdaccio refused the user: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}
