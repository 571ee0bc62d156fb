import type { Browser } from 'playwright-core';
import { MemberRepository } from '@roundtable/members';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { DEFAULT_ACCOUNTABILITIES } from '@roundtable/surveys';
import { fitsWidth, keepScreenshot, newPage, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { seedDemoCouncil } from '../support/demo';
import { sessionFor, signInAs } from '../support/sessions';

const EXECUTIVE = {
  tier: 'executive',
  state: 'active',
  entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post', 'peer_benchmark'],
};

/** The demo's two waves in Chromium: staff's Trends tab, the members' report printed, the share card. */
jest.setTimeout(180_000);

describe('Waves in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let waveId: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [ReportingWorkerModule] }));
    const demo = await seedDemoCouncil(t, { secondWave: true });
    expect(demo.secondWaveResponses).toBe(270);
    waveId = String(demo.waveId);
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** The smallest rendered text on the page, in CSS pixels (SVG text scaled with its drawing). */
  const smallestText = (selector: string) => (page: import('playwright-core').Page) =>
    page.evaluate((sel) => {
      const sizes = [...document.querySelectorAll(`${sel} text, ${sel} tspan`)]
        .map((el) => el.getBoundingClientRect().height)
        .filter((height) => height > 0);
      return Math.min(...sizes);
    }, selector);

  it('shows staff the Trends tab: a slope chart and the verdicts, readable at 1280 and 390 px', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    for (const phone of [false, true]) {
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
      await page.goto(`${baseUrl}/admin/reports/${waveId}/trends`);
      await page.getByRole('heading', { name: 'Changes between waves' }).waitFor();
      expect(await page.locator('svg.slope-chart').isVisible()).toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      // Chart labels are at least 11 px high as drawn (12-unit type scaled to the drawing's width).
      expect(await smallestText('svg.slope-chart')(page)).toBeGreaterThanOrEqual(11);
      const rose = page.locator('tr.movement-rose th');
      await expect(rose.allTextContents()).resolves.toEqual([DEFAULT_ACCOUNTABILITIES[7]]);
      await expect(page.locator('tr.movement-fell th').allTextContents()).resolves.toEqual([
        DEFAULT_ACCOUNTABILITIES[2],
      ]);
      await keepScreenshot(page, `waves-trends-${phone ? 'phone' : 'desktop'}`);
      await context.close();
    }
  });

  it('prints the members’ report without the site’s navigation, and the share card is an image', async () => {
    const jordan = (await t.app.get(MemberRepository).findByEmail('jordan.lee@roundtable.local'))!;
    await t.app.get(MemberRepository).setMembership(String(jordan._id), EXECUTIVE);
    const member = await sessionFor(t, jordan);
    for (const phone of [false, true]) {
      const { context, page } = await signedInPage(browser, baseUrl, member, { phone, javaScript: false });
      await page.goto(`${baseUrl}/reports/${waveId}`);
      await page.getByRole('heading', { name: 'Compared with earlier waves' }).waitFor();
      expect(await page.locator('.site-header').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Download as PDF' }).isVisible()).toBe(false);
      expect(await page.locator('#trend svg.slope-chart').isVisible()).toBe(true);
      await keepScreenshot(page, `waves-report-print-${phone ? 'phone' : 'desktop'}`);

      const { context: visitor, page: card } = await newPage(browser, { phone });
      const image = await card.goto(`${baseUrl}/research/${waveId}/card.png`);
      expect(image?.headers()['content-type']).toBe('image/png');
      const size = await card.evaluate(() => {
        const img = document.querySelector('img');
        return img ? [img.naturalWidth, img.naturalHeight] : null;
      });
      expect(size).toEqual([1200, 630]);
      await keepScreenshot(card, `waves-social-card-${phone ? 'phone' : 'desktop'}`);
      await visitor.close();
      await context.close();
    }
  });
});
