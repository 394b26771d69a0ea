// Every export and subpath of every installed @scones package, loaded from CommonJS, and the
// names it exports (compared with what ES modules see, in check-exports.mjs).
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const scope = path.join(__dirname, 'node_modules/@scones');
const found = {};
for (const name of readdirSync(scope)) {
  const manifest = JSON.parse(readFileSync(path.join(scope, name, 'package.json'), 'utf8'));
  for (const subpath of Object.keys(manifest.exports).filter((key) => key !== './package.json')) {
    const specifier = `@scones/${name}${subpath.slice(1)}`;
    found[specifier] = Object.keys(require(specifier))
      .filter((key) => key !== '__esModule')
      .sort();
  }
}
process.stdout.write(JSON.stringify(found));
