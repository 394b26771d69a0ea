// Bundles a step's Lambda adapter (src/lambda/index.ts) into one minified CommonJS file,
// dist/bundle/index.js, exporting `handler`. Run from the package folder (the Nx `bundle` target).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packagesDir = path.resolve(here, '../../packages');
// Lambda passes the role's credentials in the environment: see lambda-credentials.mjs.
const lambdaCredentials = path.join(here, 'lambda-credentials.mjs');

// Workspace packages are bundled from their ES module sources, so esbuild can drop what the
// handler does not use (it cannot tree-shake the CommonJS in their dist folders).
const workspaceSources = Object.fromEntries(
  readdirSync(packagesDir).map((name) => [
    `@scones/${name}`,
    path.join(packagesDir, name, 'src/index.ts'),
  ]),
);

const result = await build({
  entryPoints: ['src/lambda/index.ts'],
  outfile: 'dist/bundle/index.js',
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // Prefer the ES module builds of dependencies (the AWS SDK ships both) for tree shaking.
  mainFields: ['module', 'main'],
  alias: { ...workspaceSources, '@aws-sdk/credential-provider-node': lambdaCredentials },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const [output] = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
console.log(`${output[0]}: ${(output[1].bytes / 1024).toFixed(1)} KiB`);
