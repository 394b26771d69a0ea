// `npm run verify:publish`: publishes every publishable package to a throwaway local registry,
// installs them into a scratch project outside the repository from that registry only, and
// checks them there as a consumer would use them:
//   (a) every export and subpath loads from CommonJS and from ES modules;
//   (b) TypeScript using the public APIs type-checks with moduleResolution nodenext and bundler;
//   (c) the README's example (serialize and threshold cores with an in-memory reader) runs;
//   (d) each @scones/<step>/lambda handler runs once;
//   (e) the @scones/infra construct synthesizes in a consumer's CDK app.
// (a), (c), (d) and (e) run on this repository's Node and on the lowest Node the packages declare.
// The registry is stopped by its process id, also on failure.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeRuntimes } from './node-runtimes.mjs';
import { addUser, startVerdaccio } from './verdaccio.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const nxJson = JSON.parse(readFileSync(path.join(root, 'nx.json'), 'utf8'));
const projects = nxJson.release.projects;
const manifests = projects.map((project) => {
  const dir = path.join(root, 'packages', project);
  return { dir, ...JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) };
});

const step = (title) => console.log(`\n== ${title}`);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: 'inherit', ...options });

// The example in the README is the file this check runs.
const example = readFileSync(path.join(here, 'consumer/step-libraries-example.mts'), 'utf8');
if (!readFileSync(path.join(root, 'README.md'), 'utf8').includes(example)) {
  throw new Error(
    'README.md does not show tools/scripts/verify-publish/consumer/step-libraries-example.mts verbatim: update the README.',
  );
}

const work = mkdtempSync(path.join(tmpdir(), 'scones-verify-publish-'));
const upstream =
  execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim() ||
  'https://registry.npmjs.org/';
let registry;
try {
  step('build');
  run('npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    'bundle',
    '-p',
    ...projects,
    '--output-style=static',
  ]);

  step('start a local registry');
  registry = await startVerdaccio(root, work, upstream);
  const token = await addUser(registry.url, 'scones-ci', 'scones-ci-password');
  const userconfig = path.join(work, 'npmrc');
  writeFileSync(
    userconfig,
    `registry=${registry.url}/\n${registry.url.replace(/^http:/, '')}/:_authToken=${token}\nfund=false\naudit=false\n`,
  );
  const npmEnv = {
    ...process.env,
    npm_config_userconfig: userconfig,
    npm_config_registry: `${registry.url}/`,
  };
  console.log(
    `verdaccio on ${registry.url} (pid ${registry.pid}); other packages through ${upstream}`,
  );

  step(`publish ${manifests.map((m) => `${m.name}@${m.version}`).join(', ')}`);
  for (const manifest of manifests)
    run('npm', ['publish', '--registry', `${registry.url}/`], { cwd: manifest.dir, env: npmEnv });

  step('install into a scratch project outside the repository');
  const consumer = path.join(work, 'consumer');
  cpSync(path.join(here, 'consumer'), consumer, { recursive: true });
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify(
      {
        name: 'scones-consumer',
        private: true,
        type: 'commonjs',
        dependencies: Object.fromEntries(manifests.map((m) => [m.name, m.version])),
        devDependencies: { typescript: '~5.9.3', '@types/node': '^22.19.0' },
        // What a consumer's npm 11 asks them to decide: neither script is needed (the packages
        // ship sharp's and onnxruntime's CPU binaries; onnxruntime's script fetches GPU ones).
        allowScripts: { 'onnxruntime-node': false, sharp: false },
      },
      null,
      2,
    ),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--registry', `${registry.url}/`], {
    cwd: consumer,
    env: npmEnv,
  });
  const lock = JSON.parse(readFileSync(path.join(consumer, 'package-lock.json'), 'utf8'));
  const elsewhere = Object.entries(lock.packages)
    .filter(([key, entry]) => key && entry.resolved && !entry.resolved.startsWith(registry.url))
    .map(([key, entry]) => `${key} from ${entry.resolved}`);
  if (elsewhere.length)
    throw new Error(`Installed from another registry:\n${elsewhere.join('\n')}`);
  console.log(`${Object.keys(lock.packages).length - 1} packages, all from ${registry.url}`);

  const env = {
    ...process.env,
    ENDPOINT_NAME: 'scones-classifier',
    AWS_REGION: 'us-east-1',
  };
  step('Node versions to check on');
  const runtimes = nodeRuntimes(manifests, path.join(work, 'lowest-node'), npmEnv);
  for (const { label } of runtimes) console.log(label);

  step('(b) TypeScript with moduleResolution nodenext and bundler');
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.nodenext.json'], {
    cwd: consumer,
  });
  run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bundler.json'], {
    cwd: consumer,
  });
  console.log('both type-check');

  for (const { label, node } of runtimes) {
    step(`(a) every export and subpath from CommonJS and ES modules, on ${label}`);
    run(node, ['check-exports.mjs'], { cwd: consumer, env });

    step(
      `(c) the README example: serialize and threshold cores with an in-memory reader, on ${label}`,
    );
    run(node, ['out/step-libraries-example.mjs'], { cwd: consumer, env });

    step(`(d) each Lambda handler once, on ${label}`);
    run(node, ['run-handlers.mjs'], { cwd: consumer, env });

    step(`(e) the CDK construct in a consumer app, on ${label}`);
    run(node, ['synth-construct.mjs'], { cwd: consumer, env });
  }

  console.log('\nverify:publish: every check passed');
} finally {
  if (registry) {
    await registry.stop();
    console.log(`verdaccio (pid ${registry.pid}) stopped`);
  }
  rmSync(work, { recursive: true, force: true });
}
