// `npm run scan:secrets`: looks through every file git tracks (or would track) for AWS keys,
// account ids, private keys and registry tokens. The placeholders the project uses on purpose
// are allowed by value, each with its reason. Exits 1 on any other finding.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const PATTERNS = [
  {
    what: 'AWS access key id',
    pattern: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/g,
  },
  {
    what: 'AWS secret access key',
    pattern:
      /(?:secret|SECRET|Secret)[\w"' ]{0,30}[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/g,
  },
  { what: 'AWS account id in an ARN', pattern: /arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):/g },
  { what: 'AWS account id', pattern: /account[\w"' ]{0,20}[:=]\s*["']?(\d{12})\b/gi },
  { what: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
  { what: 'npm or GitHub token', pattern: /\b(?:npm_|ghp_|gho_|github_pat_)[A-Za-z0-9_]{30,}/g },
];

// Values that look like secrets and are not, each on purpose.
const ALLOWED = new Map([
  ['000000000000', "the local stack's account id (no such AWS account exists)"],
  ['123456789012', "AWS's documented example account id, used in synth tests"],
  ['AKIAIOSFODNN7EXAMPLE', "AWS's documented example access key id (the SigV4 reference example)"],
  ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', "AWS's documented example secret key"],
]);

function findings(text) {
  const found = [];
  for (const { what, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? match[0];
      if (!ALLOWED.has(value)) found.push({ what, value, index: match.index });
    }
  }
  return found;
}

// The scanner must catch what it claims to: samples assembled here, so no file holds one.
const samples = {
  'AWS access key id': `key = "${'AKIA'}${'Z7Q2'.repeat(4)}"`,
  'AWS secret access key': `aws_secret_access_key = ${'Zq9/'.repeat(10)}`,
  'AWS account id in an ARN': `arn:aws:iam::${'4'.repeat(12)}:role/x`,
  'AWS account id': `"accountId": "${'7'.repeat(12)}"`,
  'private key': `-----BEGIN ${'RSA PRIVATE'} KEY-----`,
  'npm or GitHub token': `${'npm_'}${'a1B2'.repeat(9)}`,
};
for (const [what, sample] of Object.entries(samples)) {
  if (!findings(sample).some((finding) => finding.what === what)) {
    console.error(`scan-secrets: the ${what} pattern misses its own sample; fix the scanner.`);
    process.exit(2);
  }
}

const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\0')
  .filter(Boolean);
let scanned = 0;
const problems = [];
for (const file of files) {
  let bytes;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch {
    continue; // deleted in the working tree
  }
  if (bytes.includes(0)) continue; // binary: model weights, images
  scanned += 1;
  const text = bytes.toString('utf8');
  for (const finding of findings(text)) {
    const line = text.slice(0, finding.index).split('\n').length;
    problems.push(`${file}:${line}: ${finding.what}: ${finding.value}`);
  }
}

console.log(
  `scan-secrets: ${scanned} text files scanned for ${PATTERNS.length} kinds of secret; ` +
    `${ALLOWED.size} placeholder values allowed: ${[...ALLOWED.keys()].join(', ')}.`,
);
if (problems.length) {
  console.error(`scan-secrets: ${problems.length} finding(s):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('scan-secrets: nothing found.');
