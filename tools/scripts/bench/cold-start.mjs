// Cold start of each step's Lambda bundle against its Python/boto3 counterpart, side by side:
// a fresh process per measurement, timing module load plus handler readiness (clients created)
// from inside the process, the two languages alternating so machine noise hits both alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLambda } from '../lambda-bundle.mjs';
import { percentile } from './stats.mjs';

const RUNS = 21;
const PYTHON = '/usr/bin/python3';
const here = path.dirname(fileURLToPath(import.meta.url));
const S3_PYTHON = "import json, base64, boto3\ns3 = boto3.client('s3')";
const STEPS = [
  { step: 'serialize', python: S3_PYTHON },
  { step: 'classify', python: "import json, boto3\nruntime = boto3.client('sagemaker-runtime')" },
  { step: 'threshold', python: 'import json' },
];
// The same serialize Lambda reading through the AWS SDK's S3 client instead of @scones/s3-reader.
const REFERENCE = {
  step: 'serialize with the SDK S3 client (reference)',
  entry: path.join(here, 'reference/serialize-with-sdk-s3.mjs'),
  python: S3_PYTHON,
};
// A probe file rather than \`node -e\`: eval mode loads extra machinery on the first require.
const NODE_PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'load-probe.cjs');
const pythonProbe = (code) =>
  `import time\nt = time.perf_counter()\n${code}\nprint((time.perf_counter() - t) * 1000)`;
const env = {
  ...process.env,
  ENDPOINT_NAME: 'scones-classifier',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
};

function boto3Available() {
  if (spawnSync(PYTHON, ['-c', 'import boto3']).status === 0) return true;
  // Debian's package, when this machine may install it.
  spawnSync(
    'bash',
    [
      '-c',
      'apt-get install -y -qq --no-install-recommends python3-boto3 || (apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-boto3)',
    ],
    { stdio: 'ignore' },
  );
  return spawnSync(PYTHON, ['-c', 'import boto3']).status === 0;
}

const measure = (command, args) =>
  Number(execFileSync(command, args, { env, encoding: 'utf8' }).trim());

export async function coldStart(root) {
  const withPython = boto3Available();
  const scratch = mkdtempSync(path.join(tmpdir(), 'scones-bench-bundle-'));
  const reference = path.join(scratch, 'index.js');
  await bundleLambda({ entry: REFERENCE.entry, outfile: reference, absWorkingDir: root });
  const bundles = [
    ...STEPS.map(({ step, python }) => ({
      step,
      python,
      bundle: path.join(root, 'packages', step, 'dist/bundle/index.js'),
    })),
    { ...REFERENCE, bundle: reference },
  ];
  const rows = bundles.map(({ step, python, bundle }) => {
    const size = readFileSync(bundle).length;
    const node = [];
    const py = [];
    for (let i = 0; i < RUNS; i++) {
      node.push(measure(process.execPath, [NODE_PROBE, bundle]));
      if (withPython) py.push(measure(PYTHON, ['-c', pythonProbe(python)]));
    }
    const nodeMs = percentile(node, 50);
    const pyMs = withPython ? percentile(py, 50) : null;
    return `| ${step} | ${(size / 1024).toFixed(1)} KiB | ${nodeMs.toFixed(1)} ms | ${pyMs === null ? 'not measured' : `${pyMs.toFixed(1)} ms`} | ${pyMs === null ? '-' : `${(pyMs / nodeMs).toFixed(1)}x`} |`;
  });
  rmSync(scratch, { recursive: true, force: true });
  return `## Lambda cold start per step

Module load plus handler readiness (SDK clients created) of \`packages/<step>/dist/bundle/index.js\`
in a fresh Node process, against the original Python Lambda's equivalent (\`import boto3\` and
its client, Debian's python3-boto3) in a fresh Python process: median of ${RUNS} runs each, the two
alternating, timed inside the process.${withPython ? '' : ' python3-boto3 could not be installed here, so the comparison is missing.'}
The bundles take their credentials from the environment, as Lambda provides them (see
\`tools/scripts/lambda-credentials.mjs\`); serialize and classify read S3 through
\`@scones/s3-reader\` (one signed GET) rather than the AWS SDK's S3 client. The reference row is
the same serialize Lambda with the SDK's S3 client, bundled the same way
(\`tools/scripts/bench/reference/serialize-with-sdk-s3.mjs\`): what the reader saves.

| step | bundle (minified) | Node bundle | Python + boto3 | Python / Node |
| --- | --- | --- | --- | --- |
${rows.join('\n')}

One measurement by hand: \`AWS_REGION=us-east-1 ENDPOINT_NAME=x node tools/scripts/bench/load-probe.cjs $PWD/packages/classify/dist/bundle/index.js\`
against \`AWS_DEFAULT_REGION=us-east-1 /usr/bin/python3 -c "import time; t = time.perf_counter(); import json, boto3; boto3.client('sagemaker-runtime'); print((time.perf_counter() - t) * 1000)"\`.
`;
}
