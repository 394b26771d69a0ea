// Debian's Chromium, headless through playwright-core, with the flags that keep it quiet and
// offline. CommonJS, so both the tests (TypeScript) and tools/scripts/screenshot.mjs load it.
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

module.exports = { CHROMIUM, launchChromium };
