// `npm run audit`: `npm audit --omit=dev` (what ships to users and into the Lambdas), failing on
// any high or critical advisory not justified in audit-exceptions.json. Where the registry's
// advisory service cannot be reached (some mirrors answer only GET), it says plainly that the
// audit did not run, and fails only when AUDIT_REQUIRED=1.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const exceptions = JSON.parse(
  readFileSync(process.env.AUDIT_EXCEPTIONS ?? path.join(here, 'audit-exceptions.json'), 'utf8'),
);

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = { error: { summary: run.stderr.trim() || 'no JSON answer' } };
}

if (report.error || report.statusCode) {
  const why = report.message ?? report.error?.summary ?? 'unknown error';
  console.log(`audit: NOT RUN: the advisory service could not be reached (${why}).`);
  console.log('audit: run `npm run audit` where registry.npmjs.org answers POST requests.');
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}

const vulnerabilities = report.vulnerabilities ?? {};
// A package is justified when it is named in the exceptions, or when everything that makes it
// vulnerable comes through packages that are (an advisory's effects on its dependents).
const justified = (name, seen = new Set()) => {
  if (exceptions[name]) return true;
  if (seen.has(name) || !vulnerabilities[name]) return false;
  seen.add(name);
  return vulnerabilities[name].via.every((cause) =>
    typeof cause === 'string' ? justified(cause, seen) : Boolean(exceptions[cause.name]),
  );
};
const serious = Object.values(vulnerabilities).filter((v) =>
  ['high', 'critical'].includes(v.severity),
);
const unjustified = serious.filter((v) => !justified(v.name));
for (const v of serious.filter((v) => exceptions[v.name])) {
  console.log(`audit: ${v.severity} in ${v.name}, justified: ${exceptions[v.name]}`);
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `audit: production dependencies: ${JSON.stringify(counts)}; ${unjustified.length} high or critical not justified.`,
);
for (const v of unjustified) {
  const via = v.via.map((x) => (typeof x === 'string' ? x : `${x.title} (${x.url})`)).join('; ');
  console.error(`audit: ${v.severity}: ${v.name}${v.range ? ` ${v.range}` : ''}: ${via}`);
}
process.exit(unjustified.length ? 1 : 0);
