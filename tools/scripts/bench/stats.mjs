import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The p-th percentile (nearest rank) of a list of numbers, by @scones/monitor's (built first). */
export function percentile(values, p) {
  const monitor = createRequire(path.join(root, 'packages/monitor/package.json'))(
    './dist/index.js',
  );
  return monitor.percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
}
