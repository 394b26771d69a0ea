// Run before `npm start` and `npm test`: the project runs on the Node major of the Lambda runtime
// it deploys to (.nvmrc). On Linux `npm ci` installs that Node itself (the node-linux-* optional
// dependency, first on every npm script's PATH); elsewhere the machine's own Node must be it.
import { readFileSync } from 'node:fs';

const wanted = Number(readFileSync(new URL('../../.nvmrc', import.meta.url), 'utf8').trim());
const major = Number(process.versions.node.split('.')[0]);
if (major < wanted) {
  console.error(
    `This project runs on Node ${wanted} (the nodejs${wanted}.x Lambda runtime), but ${process.execPath} is Node ${process.version}.\n` +
      `On Linux x64 and arm64, \`npm ci\` installs Node ${wanted} into node_modules/.bin: run it, then use npm scripts or npx.\n` +
      `Elsewhere, install Node ${wanted} (the version in .nvmrc, e.g. \`nvm install\`) and run \`npm ci\` again.`,
  );
  process.exitCode = 1;
}
