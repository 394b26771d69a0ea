// The HTML report opened in headless Chromium: the charts render, one point per inference, and
// a day of capture reads on a 24-hour UTC clock.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildConfidenceReport, htmlReport } from '../../src/index.js';
import { chromiumAvailable, launchChromium } from '../../../../tools/testing/chromium';
import { writeCaptureDay } from '../../../../tools/testing/capture-day.cjs';
import { captureFolder, captureLine, HOUR_18, HOUR_19 } from '../fixtures';

const hasChromium = chromiumAvailable('the HTML report test');

(hasChromium ? describe : describe.skip)('the HTML report in Chromium', () => {
  let browser: Browser;
  let file: string;
  let dayFile: string;
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
    const day = await buildConfidenceReport(await writeCaptureDay(await captureFolder({})));
    dayFile = file.replace(/report\.html$/, 'day.html');
    await writeFile(dayFile, await htmlReport(day));
    browser = await launchChromium();
  }, 60_000);

  afterAll(() => browser?.close());

  it('renders the four charts, with one point per inference and the threshold line', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`);
    for (const chart of [
      'passRatePerHour',
      'confidenceOverTime',
      'confidenceHistogram',
      'labelMixOverTime',
    ]) {
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

  it('shows a day of capture on a 24-hour UTC clock, with the pass rate of each hour', async () => {
    const page = await browser.newPage();
    await page.goto(`file://${dayFile}`);
    for (const chart of ['passRatePerHour', 'confidenceOverTime', 'labelMixOverTime']) {
      // Labels that would overlap are drawn transparent; a reader sees the others.
      const ticks = await page
        .locator(`#${chart} g.role-axis-label text`)
        .evaluateAll((texts) =>
          texts
            .filter((text) => text.getAttribute('opacity') !== '0')
            .map((text) => [...text.childNodes].map((line) => line.textContent).join('\n')),
        );
      const times = ticks.filter((tick) => /^\d\d:\d\d/.test(tick));
      expect(times.length).toBeGreaterThan(3);
      expect(times.some((tick) => Number(tick.slice(0, 2)) >= 13)).toBe(true);
      expect(times[0]).toBe('00:00\n2026-11-27');
      expect(await page.locator(`#${chart} g.role-axis-title text`).allTextContents()).toContain(
        'time (UTC)',
      );
      expect(await page.locator(`#${chart} svg`).innerHTML()).not.toMatch(/\b(AM|PM)\b/);
    }
    const passRate = page.locator('#passRatePerHour');
    expect((await passRate.locator('svg').boundingBox())?.height).toBeGreaterThan(150);
    expect(await passRate.locator('g.mark-symbol.role-mark path').count()).toBe(24);
    expect(await passRate.locator('g.mark-line.role-mark path').count()).toBe(1);
    await page.close();
  });
});
