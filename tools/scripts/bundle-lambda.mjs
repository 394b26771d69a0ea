// Bundles a step's Lambda entry (src/lambda/entry.ts) into dist/bundle/index.js, exporting
// `handler`. Run from the package folder (the Nx `bundle` target).
import { bundleLambda } from './lambda-bundle.mjs';

const bytes = await bundleLambda({ entry: 'src/lambda/entry.ts', outfile: 'dist/bundle/index.js' });
console.log(`dist/bundle/index.js: ${(bytes / 1024).toFixed(1)} KiB`);
