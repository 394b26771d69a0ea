// The HTML report opened in headless Chromium: the charts render, one point per inference.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildConfidenceReport, htmlReport } from '../../src/index.js';
import { chromiumAvailable, launchChromium } from '../../../../tools/testing/chromium';
import { captureFolder, captureLine, HOUR_18, HOUR_19 } from '../fixtures';

const hasChromium = chromiumAvailable('the HTML report test');

(hasChromium ? describe : describe.skip)('the HTML report in Chromium', () => {
  let browser: Browser;
  let file: string;
  const inferences = 37;

  beforeAll(async () => {
    const lines18 = Array.from({ length: 25 }, (_, i) =>
      captureLine(
        `2026-11-27T18:${String(i * 2).padStart(2, '0')}:00Z`,
        i % 3 ? [0.97, 0.03] : [0.3, 0.7],
        'JSON',
      ),
    );
    const lines19 = Array.from({ length: 12 }, (_, i) =>
      captureLine(
        `2026-11-27T19:${String(i * 4).padStart(2, '0')}:00Z`,
        [0.05 * i, 1 - 0.05 * i],
        'CSV',
      ),
    );
    const folder = await captureFolder({
      [`${HOUR_18}/a.jsonl`]: [...lines18, 'broken line'],
      [`${HOUR_19}/b.jsonl`]: lines19,
    });
    const report = await buildConfidenceReport(folder);
    expect(report.summary.count).toBe(inferences);
    file = path.join(await mkdtemp(path.join(tmpdir(), 'report-')), 'report.html');
    await writeFile(file, await htmlReport(report));
    browser = await launchChromium();
  }, 60_000);

  afterAll(() => browser?.close());

  it('renders the three charts, with one point per inference and the threshold line', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    for (const chart of ['confidenceOverTime', 'confidenceHistogram', 'labelMixOverTime']) {
      const box = await page.locator(`#${chart} svg`).boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(100);
    }
    expect(await page.locator('#confidenceOverTime g.mark-symbol.role-mark path').count()).toBe(
      inferences,
    );
    expect(await page.locator('#confidenceOverTime g.mark-rule.role-mark line').count()).toBe(1);
    expect(
      await page.locator('#confidenceHistogram g.mark-rect.role-mark path').count(),
    ).toBeGreaterThan(3);
    expect(await page.locator('#problems li').count()).toBe(1);
    expect(await page.locator('#summary').innerText()).toContain('inferences\t37');
    expect(requests).toEqual([`file://${file}`]);
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
    await page.close();
  });
});
