import type { Browser } from 'playwright-core';
import { DEMO_SURVEY_TITLE, ReportingWorkerModule } from '@roundtable/reporting';
import { DEFAULT_ACCOUNTABILITIES } from '@roundtable/surveys';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { seedDemoCouncil } from '../support/demo';
import { signInAs } from '../support/sessions';

/** The demo survey as `npm start` seeds it, opened in the console by staff in Chromium (no JavaScript). */
jest.setTimeout(120_000);

describe('The reporting console in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let surveyId: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [ReportingWorkerModule] }));
    const demo = await seedDemoCouncil(t);
    expect(demo.responses).toBe(270);
    surveyId = demo.surveyId;
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the ranked chart with intervals, the seven of docs/research.md on top, and the two skews', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    for (const phone of [false, true]) {
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
      await page.goto(`${baseUrl}/admin/reports`);
      await page.getByRole('link', { name: DEMO_SURVEY_TITLE }).click();
      await page.getByRole('heading', { name: 'Ranking' }).waitFor();
      expect(await page.locator('svg.chart circle').count()).toBeGreaterThanOrEqual(16);
      // The chart is drawn twice (wide and stacked for a phone); the one shown at this width has every interval.
      const shown = phone ? '#ranking .chart-narrow' : '#ranking .chart-wide';
      expect(await page.locator(`${shown} .chart-interval`).count()).toBe(48);
      expect(await page.locator(shown).isVisible()).toBe(true);
      const topSeven = await page.locator('#ranking table tbody th[scope="row"]').allTextContents();
      expect(topSeven.slice(0, 7)).toEqual(DEFAULT_ACCOUNTABILITIES.slice(0, 7));
      await expect(page.locator('#skew').textContent()).resolves.toMatch(
        /skewed toward >\$1B \(Revenue\): 55% of respondents, 41% of members/,
      );
      await expect(page.locator('#skew').textContent()).resolves.toMatch(/skewed toward B2B \(Business model\)/);
      await expect(page.locator('#response-rate').textContent()).resolves.toContain('60%');
      await keepScreenshot(page, `reporting-console-${phone ? 'phone' : 'desktop'}`);
      await context.close();
    }
    expect(surveyId).toMatch(/^[0-9a-f]{24}$/);
  });
});
