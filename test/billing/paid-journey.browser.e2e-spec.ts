import type { Browser, Page } from 'playwright-core';
import { TierRepository } from '@roundtable/billing';
import { formatDate } from '@roundtable/core';
import { freePort } from '../../tools/servers/local-servers';
import { fitsWidth, keepScreenshot, signedInPage, startBrowserApp } from '../support/browser';
import type { TestApp } from '../support/create-test-app';
import { profileForm } from '../support/forms';
import { signInAs } from '../support/sessions';
import { startLocalStripePages } from '../support/stripe';

/**
 * The whole paid journey on the local default, in Chromium without JavaScript: apply, approved by
 * staff, choose a tier, pay on the local Checkout (a declined card first), active, the local Customer
 * Portal, cancel at period end, canceling. The stand-in delivers Stripe's events to the real webhook.
 */
jest.setTimeout(180_000);

/** The day `days` from now in words, and the day after (the run may cross midnight UTC). */
const daysFromNow = (days: number) => [days, days + 1].map((d) => formatDate(Date.now() + d * 86_400_000));

describe('The paid journey through the local Checkout and Customer Portal', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let pages: Awaited<ReturnType<typeof startLocalStripePages>>;

  beforeAll(async () => {
    const port = await freePort();
    pages = await startLocalStripePages(port);
    ({ t, browser, baseUrl } = await startBrowserApp({ env: pages.env, port }));
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await pages?.stop();
  });

  const browseAs = (cookie: string, phone: boolean) =>
    signedInPage(browser, baseUrl, { cookie }, { phone, javaScript: false });

  it.each([
    ['laptop', false],
    ['phone', true],
  ])('runs from application to a canceling membership on a %s', async (label, phone) => {
    const shot = (page: Page, step: string) => keepScreenshot(page, `paid-journey-${label}-${step}`);
    const applicant = await signInAs(t, { role: 'applicant', name: `Pat ${label}` });
    const { context, page } = await browseAs(applicant.cookie, phone);

    // Apply.
    await page.goto(`${baseUrl}/apply`);
    const form = profileForm({ name: `Pat ${label}` });
    for (const [field, value] of Object.entries(form)) {
      const tag = await page.locator(`[name="${field}"]`).evaluate((element) => element.tagName);
      if (tag === 'SELECT') {
        await page.selectOption(`[name="${field}"]`, value);
      } else {
        await page.fill(`[name="${field}"]`, value);
      }
    }
    await page.getByRole('button', { name: 'Submit my application' }).click();
    await page.waitForURL(`${baseUrl}/portal`);
    expect(await page.getByText('being reviewed').isVisible()).toBe(true);

    // Staff approve.
    const staff = await signInAs(t, { role: 'staff' });
    const desk = await browseAs(staff.cookie, phone);
    await desk.page.goto(`${baseUrl}/admin/applications`);
    const row = desk.page
      .locator('li, tr, article')
      .filter({ hasText: `Pat ${label}` })
      .last();
    await row.getByRole('button', { name: 'Approve' }).click();
    await desk.page.waitForURL(`${baseUrl}/admin/applications`);
    await desk.context.close();

    // Choose a tier: the form's 303 leads to the local Checkout (the page's CSP allows it).
    await page.goto(`${baseUrl}/membership`);
    await shot(page, '1-tiers');
    await page.getByRole('button', { name: 'Choose Council Member' }).click();
    await page.waitForURL(`${pages.url}/checkout/**`);
    expect(await page.getByRole('heading', { name: 'Subscribe to Council Member' }).isVisible()).toBe(true);
    expect(await page.getByText('$2,400.00 per year').isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);

    // A declined card: told so on Checkout, nothing delivered, the membership not active.
    await page.fill('[name="card"]', '4000 0000 0000 0002');
    await page.getByRole('button', { name: /^Pay/ }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Your card was declined');
    await shot(page, '2-checkout-declined');

    // Pay: the events arrive at the webhook, and Checkout returns to the welcome page.
    await page.fill('[name="card"]', '4242 4242 4242 4242');
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.waitForURL(/\/membership\/welcome\?session_id=cs_/);
    expect(await page.getByText('Your membership is active').isVisible()).toBe(true);
    await shot(page, '3-welcome');
    await page.goto(`${baseUrl}/membership`);
    expect(await page.locator('#my-membership').textContent()).toMatch(/Council Member,\s+active, paid until/);
    await shot(page, '4-active');

    // The local Customer Portal: change tier (laptop run), then cancel at period end.
    await page.getByRole('button', { name: /Manage my membership/ }).click();
    await page.waitForURL(`${pages.url}/portal/**`);
    expect(await page.getByText('Council Member', { exact: true }).isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await shot(page, '5-portal');
    if (!phone) {
      await page.selectOption('[name="price"]', 'price_roundtable_executive');
      await page.getByRole('button', { name: 'Update plan' }).click();
      expect(await page.getByRole('status').textContent()).toContain('Your plan was changed');
      expect(await page.getByText('Executive Circle', { exact: true }).isVisible()).toBe(true);
      // A monthly plan's period is a month from the change, not the yearly plan's year.
      expect(await page.locator('.card', { hasText: 'Current plan' }).textContent()).toMatch(
        new RegExp(`per month\\. Renews on (${daysFromNow(30).join('|')})\\.`),
      );
    }
    // Cancelling asks for its confirmation first: refused without the tick, done with it.
    await page.getByRole('button', { name: 'Cancel plan' }).click();
    expect(await page.textContent('body')).toContain('Please tick “I confirm” to cancel your plan.');
    await page.getByLabel('I confirm: cancel my plan').check();
    await page.getByRole('button', { name: 'Cancel plan' }).click();
    expect(await page.getByRole('status').textContent()).toContain('cancelled at the end of the period');
    await shot(page, '6-portal-canceled');
    await page.getByRole('link', { name: /Return to Roundtable/ }).click();
    await page.waitForURL(`${baseUrl}/membership`);
    const summary = await page.locator('#my-membership').textContent();
    expect(summary).toContain(phone ? 'Council Member' : 'Executive Circle');
    // The app took the period from the change: a month for the monthly plan, a year for the yearly one.
    expect(summary).toMatch(new RegExp(`canceled: it ends on (${daysFromNow(phone ? 365 : 30).join('|')}),`));
    await shot(page, '7-canceling');
    await context.close();

    const membership = await t.connection.collection('memberships').findOne({ memberId: String(applicant.member._id) });
    expect(membership).toMatchObject({ state: 'canceling', tier: phone ? 'council' : 'executive' });
  });

  it('says so when Checkout returns with a session id it does not know, or someone else’s', async () => {
    const member = await signInAs(t, { role: 'member' });
    const unknown = await member.agent.get('/membership/welcome?session_id=cs_test_nosuchsession').expect(404);
    expect(unknown.text).toContain('We have no record of that checkout');
    await member.agent.get('/membership/welcome').expect(404);
    await member.agent.get('/membership/welcome?session_id=%3Cscript%3E').expect(404);
  });
});
