import { existsSync } from 'node:fs';
import path from 'node:path';

/** The step packages whose Lambda bundles this library deploys. */
export type StepName = 'serialize' | 'classify' | 'threshold';

/**
 * The folder holding a step's Lambda bundle (`index.js`, exporting `handler`), as
 * `npx nx run <step>:bundle` writes it and the step package ships it.
 */
export function stepBundleDir(step: StepName): string {
  const packageDir = path.dirname(require.resolve(`@scones/${step}/package.json`));
  const dir = path.join(packageDir, 'dist', 'bundle');
  if (!existsSync(path.join(dir, 'index.js'))) {
    throw new Error(
      `No Lambda bundle for @scones/${step} at ${dir}: run npx nx run-many -t bundle (the infra targets do it first).`,
    );
  }
  return dir;
}
