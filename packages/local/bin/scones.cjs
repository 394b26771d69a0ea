#!/usr/bin/env node
// The `scones` command. It is committed rather than built: npm links a bin only when its file
// exists at install time, and Nx restores dist/ from its cache without the exec bit.
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js'))
    throw error;
  console.error('scones is not built yet: run `npx nx run local:build` (npm start builds it too).');
  process.exit(2);
}
cli.runScones(process.argv.slice(2));
