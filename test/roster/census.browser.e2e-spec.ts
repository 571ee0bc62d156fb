import type { Browser } from 'playwright-core';
import {
  CensusComputer,
  ReferenceListRepository,
  RosterWorkerModule,
  seedDemoRoster,
  TenureRepository,
} from '@roundtable/roster';
import { fitsWidth, keepScreenshot, newPage, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/**
 * "The role in numbers" on the demo roster for a visitor and a member, and staff's CSV import with its
 * preview and confirm, in Chromium without JavaScript at 1280 and 390 px: nothing wider than the page.
 */
jest.setTimeout(300_000);

describe('The census in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp({ imports: [RosterWorkerModule] }));
    await seedDemoRoster({
      tenures: t.app.get(TenureRepository),
      lists: t.app.get(ReferenceListRepository),
      computer: t.app.get(CensusComputer),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the public page with its charts to a visitor and the cuts to a member, at 1280 and 390 px', async () => {
    const member = await signInAs(t, { role: 'member' });
    for (const phone of [false, true]) {
      const size = phone ? 'phone' : 'desktop';
      const visitor = await newPage(browser, { phone, javaScript: false });
      await visitor.page.goto(`${baseUrl}/census`);
      await visitor.page.getByRole('heading', { name: 'The role in numbers' }).waitFor();
      await expect(visitor.page.locator('#population-today').textContent()).resolves.toMatch(/^\d+$/);
      await expect(
        visitor.page.getByRole('img', { name: /People in the role on 1 January/ }).isVisible(),
      ).resolves.toBe(true);
      await expect(
        visitor.page.getByRole('img', { name: /Share of tenures still in the role/ }).isVisible(),
      ).resolves.toBe(true);
      expect(await visitor.page.locator('#segments').count()).toBe(0);
      expect(await fitsWidth(visitor.page)).toBe(true);
      await keepScreenshot(visitor.page, `census-visitor-${size}`);
      await visitor.context.close();

      const reader = await signedInPage(browser, baseUrl, member, { phone, javaScript: false });
      await reader.page.goto(`${baseUrl}/census`);
      await reader.page.locator('#segment-revenue').waitFor();
      expect(await fitsWidth(reader.page)).toBe(true);
      await keepScreenshot(reader.page, `census-member-${size}`);
      await reader.context.close();
    }
  });

  it('imports a CSV through its preview and confirm at 1280 and 390 px', async () => {
    const staff = await signInAs(t, { role: 'staff' });
    for (const phone of [false, true]) {
      const size = phone ? 'phone' : 'desktop';
      const person = phone ? 'Phone Person' : 'Desktop Person';
      const csv = [
        'person,company,title,start,end,source',
        `${person},Browser Test Holdings,Chief Customer Officer,2011-02-01,,https://www.linkedin.com/in/someone-with-a-long-profile-address`,
        `${person} Two,Second Co,CCO,2012-05-31,2011-01-01,`,
      ].join('\n');
      const { context, page } = await signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
      // The preview and the confirm each read the whole demo roster (about 4,600 tenures) once.
      page.setDefaultTimeout(120_000);
      await page.goto(`${baseUrl}/admin/roster/import`);
      await page
        .getByLabel('File')
        .setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Preview the import' }).click();
      await expect(page.locator('#import-counts').textContent()).resolves.toBe(
        '1 to add, 0 to update, 0 unchanged, 1 refused.',
      );
      await expect(page.locator('#import-rows').textContent()).resolves.toContain(
        'The end date 2011-01-01 is not after the start date 2012-05-31.',
      );
      expect(await fitsWidth(page)).toBe(true);
      await keepScreenshot(page, `census-import-preview-${size}`);
      await page.getByRole('button', { name: /^Confirm/ }).click();
      await page.getByText(/Imported roster\.csv: 1 added, 0 updated, 0 unchanged, 1 refused\./).waitFor();
      await page.getByLabel('Company').fill('Browser Test Holdings');
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect(page.locator('#tenures').textContent()).resolves.toContain(person);
      expect(await fitsWidth(page)).toBe(true);
      await keepScreenshot(page, `census-roster-${size}`);
      await context.close();
    }
  });
});
