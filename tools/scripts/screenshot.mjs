// Takes a full-page screenshot of an HTML file with Debian's Chromium (playwright-core), for the
// READMEs: node tools/scripts/screenshot.mjs report.html out.png [width]
import { launchChromium } from '../testing/chromium-launch.cjs';
import path from 'node:path';

const [input, output, width = '820'] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node tools/scripts/screenshot.mjs page.html out.png [width]');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: 600 } });
  await page.goto(`file://${path.resolve(input)}`);
  await page.screenshot({ path: output, fullPage: true });
} finally {
  await browser.close();
}
