// Size of each step's Lambda bundle, minified and gzipped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const STEPS = ['serialize', 'classify', 'threshold'];
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function bundleSizes(root) {
  execFileSync('npx', ['nx', 'run-many', '-t', 'bundle', '-p', ...STEPS, '--skip-nx-cache'], {
    cwd: root,
    stdio: 'inherit',
  });
  const rows = STEPS.map((step) => {
    const bundle = readFileSync(path.join(root, 'packages', step, 'dist/bundle/index.js'));
    return `| ${step} | ${kib(bundle.length)} | ${kib(gzipSync(bundle, { level: 9 }).length)} |`;
  });
  return `## Lambda bundle size per step

Each step's Lambda adapter bundled by \`npx nx run <step>:bundle\` (esbuild, minified CommonJS,
target node24, dependencies included: classify's SageMaker runtime client of the AWS SDK, and
\`@scones/s3-reader\` for S3 in serialize and classify) to \`packages/<step>/dist/bundle/index.js\`. Gzipped is the
bundle compressed at level 9, close to what a deployment zip holds.

| step | minified | gzipped |
| --- | --- | --- |
${rows.join('\n')}
`;
}
