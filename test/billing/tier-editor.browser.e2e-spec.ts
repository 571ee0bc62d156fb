import type { Browser } from 'playwright-core';
import { TierRepository } from '@roundtable/billing';
import { keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';

/** The tier editor refusing a new tier in Chromium without JavaScript, on a phone. */
jest.setTimeout(30_000);

describe('The tier editor in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    ({ t, browser, baseUrl } = await startBrowserApp());
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows a refused new tier again with its values, each problem linked to its field', async () => {
    const admin = await signInAs(t, { role: 'admin' });
    const { context, page } = await signedInPage(browser, baseUrl, admin, { phone: true, javaScript: false });
    await page.goto(`${baseUrl}/admin/tiers`);

    const form = page.locator('#tier-new');
    await form.getByLabel(/Short name for addresses/).fill('founders');
    await form.getByLabel('Name', { exact: true }).fill('Founders Circle');
    await form.getByLabel(/^Price/).fill('12.345');
    await form.getByLabel('Stripe price id').fill('price_founders_usd');
    await form.getByRole('button', { name: 'Create tier' }).click();

    const link = page.getByRole('link', { name: 'Please give a price such as 2400 or 2400.00.' });
    await link.waitFor();
    expect(await page.locator('#name').inputValue()).toBe('Founders Circle');
    expect(await page.locator('#price').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#price').getAttribute('aria-describedby')).toBe('price-error');
    await keepScreenshot(page, 'tier-editor-refused-phone');
    await link.click();
    expect(page.url()).toMatch(/#price$/);
    expect(await t.app.get(TierRepository).findBySlug('founders')).toBeNull();
    await context.close();
  });
});
