import type { Browser } from 'playwright-core';
import { seedDefaultTiers, TierRepository } from '@roundtable/billing';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/**
 * After a refused form the error summary has the focus, in Chromium without JavaScript:
 * keyboard and screen-reader users start at the list of what to correct, and each link leads on
 * to its field.
 */
jest.setTimeout(30_000);

describe('The error summary of a refused form', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
    await seedDefaultTiers(t.app.get(TierRepository));
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  async function staffPage(phone: boolean) {
    const staff = await signInAs(t, { role: 'staff' });
    return signedInPage(browser, baseUrl, staff, { phone, javaScript: false });
  }

  const focused = () => ({
    id: document.activeElement?.id,
    text: document.activeElement?.textContent ?? '',
  });

  it('has the focus when a refused page comes back (site page editor, 1280 px)', async () => {
    const { context, page } = await staffPage(false);
    await page.goto(`${baseUrl}/admin/site/pages/about`);
    // Before anything is refused there is no summary and the focus is where the browser puts it.
    expect(await page.locator('#error-summary').count()).toBe(0);
    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save the page' }).click();

    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await page.evaluate(focused)).toMatchObject({ id: 'error-summary' });
    expect((await page.evaluate(focused)).text).toContain('Please give the page a title.');
    await keepScreenshot(page, 'error-summary-focus-site-page-1280');

    // Tab moves from the summary to its first link; following it lands on the field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#title');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#title$/);
    await context.close();
  });

  it('has the focus on the survey editor at 390 px, the items kept as typed', async () => {
    const { context, page } = await staffPage(true);
    await page.goto(`${baseUrl}/admin/surveys`);
    await page.getByRole('button', { name: /new/i }).first().click();
    await page.getByLabel('Item 3', { exact: true }).fill('Customer-centric tactics');
    await page.getByRole('button', { name: 'Save survey' }).click();

    await page.locator('#error-summary').waitFor();
    expect(await page.evaluate(focused)).toMatchObject({ id: 'error-summary' });
    expect(await page.getByLabel('Item 3', { exact: true }).inputValue()).toBe('Customer-centric tactics');
    expect(await page.getByLabel('Item 3', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await keepScreenshot(page, 'error-summary-focus-survey-editor-390');
    await context.close();
  });
});
