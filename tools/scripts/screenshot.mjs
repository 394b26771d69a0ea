// Takes a full-page screenshot of an HTML file with Debian's Chromium (playwright-core), for the
// READMEs: node tools/scripts/screenshot.mjs report.html out.png [width]
// With --monitor-example instead of a page, it first writes the @scones/monitor report of a
// made-up day of capture (tools/testing/capture-day.cjs; needs `npx nx build monitor`), so that
// packages/monitor/docs/report.png can be made again the same way:
//   node tools/scripts/screenshot.mjs --monitor-example packages/monitor/docs/report.png
import { launchChromium } from '../testing/chromium-launch.cjs';
import { writeCaptureDay } from '../testing/capture-day.cjs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [input, output, width = '820'] = process.argv.slice(2);
if (!input || !output) {
  console.error(
    'usage: node tools/scripts/screenshot.mjs page.html|--monitor-example out.png [width]',
  );
  process.exit(2);
}
const page = input === '--monitor-example' ? await monitorExample() : path.resolve(input);
const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: Number(width), height: 600 } });
  await tab.goto(`file://${page}`);
  await tab.screenshot({ path: output, fullPage: true });
} finally {
  await browser.close();
}

async function monitorExample() {
  const { buildConfidenceReport, htmlReport } = await import('@scones/monitor');
  const folder = await mkdtemp(path.join(tmpdir(), 'capture-day-'));
  const report = await buildConfidenceReport(await writeCaptureDay(folder));
  // A stable source line in the picture, whatever the temporary folder was called.
  const file = path.join(folder, 'report.html');
  await writeFile(file, await htmlReport({ ...report, source: 'capture of 2026-11-27 (example)' }));
  return file;
}
