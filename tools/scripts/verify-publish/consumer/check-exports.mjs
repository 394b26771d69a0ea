// Loads each specifier that check-exports.cjs found from an ES module and checks that the
// named exports match what CommonJS sees.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const fromCommonJs = JSON.parse(
  execFileSync(process.execPath, [fileURLToPath(new URL('./check-exports.cjs', import.meta.url))], {
    encoding: 'utf8',
  }),
);
const problems = [];
for (const [specifier, names] of Object.entries(fromCommonJs)) {
  const namespace = await import(specifier);
  const missing = names.filter((name) => !(name in namespace));
  if (missing.length)
    problems.push(`${specifier}: ${missing.join(', ')} not visible from ES modules`);
  if (names.length === 0) problems.push(`${specifier}: exports nothing`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `${Object.keys(fromCommonJs).length} entry points load from CommonJS and ES modules with the same names: ${Object.keys(fromCommonJs).join(', ')}`,
);
