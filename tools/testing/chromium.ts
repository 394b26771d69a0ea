// Debian's Chromium driven by playwright-core, for tests that look at a page as a person would.
// tools/scripts/install-chromium.sh installs it (CI runs that); without it these tests are
// skipped, and say why.
import { existsSync } from 'node:fs';
import { CHROMIUM, launchChromium } from './chromium-launch.cjs';

export { CHROMIUM, launchChromium };

export function chromiumAvailable(reason: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  console.warn(
    `Skipping ${reason}: no Chromium at ${CHROMIUM} (run tools/scripts/install-chromium.sh, or set CHROMIUM_PATH).`,
  );
  return false;
}
