// How a step's Lambda is bundled: one minified CommonJS file exporting `handler`. Used by the
// steps' `bundle` target (bundle-lambda.mjs) and by the benchmarks' reference bundles.
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

/** Bundles `entry` to `outfile`; resolves to the bundle's size in bytes. */
export async function bundleLambda({ entry, outfile, absWorkingDir = process.cwd() }) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    // Prefer the ES module builds of dependencies (the AWS SDK ships both) for tree shaking.
    mainFields: ['module', 'main'],
    alias: { ...workspaceSources, '@aws-sdk/credential-provider-node': lambdaCredentials },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const [, output] = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.js'));
  return output.bytes;
}
