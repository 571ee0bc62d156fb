import type { Browser } from 'playwright-core';
import { BillingWorkerModule, SWEEP_JOB, TierRepository } from '@roundtable/billing';
import { JobRunner, RecurringJobs } from '@roundtable/jobs';
import { addSession, fitsWidth, keepScreenshot, newPage, startBrowserApp } from '../support/browser';
import { buildMembership } from '../support/memberships';
import type { TestApp } from '../support/create-test-app';
import { signInAs } from '../support/sessions';
import { sendStripeEvent, startStripeRecorder, stripeEvent } from '../support/stripe';

/** The membership page as a member and staff see it, in Chromium without JavaScript. */
jest.setTimeout(30_000);

describe('Choosing a membership in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;

  const browse = async (cookie: string, phone: boolean) => {
    const { context, page } = await newPage(browser, { phone, javaScript: false });
    await addSession(context, baseUrl, { cookie });
    // Stripe's hosted pages are outside this offline machine: answer for them.
    await context.route('https://checkout.stripe.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Stripe Checkout</h1>' }),
    );
    return { context, page };
  };

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    ({ t, browser, baseUrl } = await startBrowserApp({
      env: { STRIPE_API_URL: recorder.url },
      imports: [BillingWorkerModule],
    }));
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
    await recorder.close();
  });

  it('shows a member the tiers with their prices, and sends the chosen one to Stripe Checkout', async () => {
    const member = await signInAs(t, { role: 'member', name: 'Robin Member' });
    const { context, page } = await browse(member.cookie, true);
    await page.goto(`${baseUrl}/membership`);
    expect(await page.getByText('$2,400.00').isVisible()).toBe(true);
    expect(await page.getByText('$500.00').isVisible()).toBe(true);
    await keepScreenshot(page, 'membership-tiers-phone');

    // The form's 303 goes to Stripe: the page's CSP form-action must allow it, or the browser stops.
    await page.getByRole('button', { name: 'Choose Council Member' }).click();
    await page.getByRole('heading', { name: 'Stripe Checkout' }).waitFor();
    expect(page.url()).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const session = recorder.calls.filter((call) => call.path === '/v1/checkout/sessions').at(-1)!;
    expect(session.params.get('line_items[0][price]')).toBe('price_roundtable_council');

    const customer = (await t.connection.collection('memberships').findOne({ memberId: String(member.member._id) }))!
      .stripeCustomerId as string;
    // A year and a bit from today, at noon UTC: the page shows the date in words, whatever today is.
    const paidUntil = new Date(Date.now() + 400 * 86_400_000);
    paidUntil.setUTCHours(12, 0, 0, 0);
    const paid = stripeEvent(
      'invoice.paid',
      { object: 'invoice', customer, lines: { data: [{ period: { end: Math.floor(paidUntil.getTime() / 1000) } }] } },
      Math.floor(Date.now() / 1000),
    );
    await sendStripeEvent(t, paid).expect(200);
    await page.goto(`${baseUrl}/membership`);
    expect(await page.locator('#my-membership').innerText()).toBe(
      `Your membership: Council Member, active, paid until ${inWords(paidUntil)}.`,
    );
    expect(await page.getByRole('button', { name: /Choose/ }).count()).toBe(0);
    await keepScreenshot(page, 'membership-active-phone');
    // The Portal button is there; following it is left to the HTTP tests, since stripe-mock's canned
    // portal address is a Stripe-internal host rather than billing.stripe.com.
    expect(await page.getByRole('button', { name: /Manage my membership/ }).isVisible()).toBe(true);
    await context.close();
  });

  it('shows staff the billing figures the worker computed', async () => {
    await t.app.get(RecurringJobs).ensure(SWEEP_JOB);
    await t.app.get(JobRunner).runDue();
    const staff = await signInAs(t, { role: 'staff' });
    const { context, page } = await browse(staff.cookie, false);
    await page.goto(`${baseUrl}/admin/billing`);
    // One council member at $2,400.00 a year is $200.00 a month.
    expect(await page.getByRole('cell', { name: '$200.00' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '$2,400.00' }).isVisible()).toBe(true);
    await keepScreenshot(page, 'admin-billing');
    await context.close();
  });

  it.each([
    ['laptop', false],
    ['phone', true],
  ])('lays the tiers out evenly on a %s, the current plan marked', async (label, phone) => {
    const member = await signInAs(t, { role: 'member', name: `Evenly ${label}` });
    await buildMembership(t, String(member.member._id), { tier: 'executive' });
    const { context, page } = await browse(member.cookie, phone);
    await page.goto(`${baseUrl}/membership`);
    const cards = await page
      .locator('.tiers > .tier')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    expect(cards.length).toBeGreaterThanOrEqual(3);
    const widths = cards.map((card) => card.width);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(1);
    if (phone) {
      // Stacked: one column, each card below the one before.
      expect(new Set(cards.map((card) => Math.round(card.left))).size).toBe(1);
      cards.slice(1).forEach((card, i) => expect(card.top).toBeGreaterThanOrEqual(cards[i].bottom));
    } else {
      // One row of equal columns, side by side.
      expect(new Set(cards.map((card) => Math.round(card.top))).size).toBe(1);
      cards.slice(1).forEach((card, i) => expect(card.left).toBeGreaterThan(cards[i].right));
      expect(widths[0]).toBeGreaterThan(200);
    }
    const current = page.locator('.tier[aria-current="true"]');
    expect(await current.count()).toBe(1);
    expect(await current.getByRole('heading').textContent()).toBe('Executive Circle');
    expect(await current.getByText('Your current plan').isVisible()).toBe(true);
    expect(await fitsWidth(page)).toBe(true);
    await keepScreenshot(page, `membership-current-plan-${label}`);
    await context.close();
  });
});

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** A date as the membership page words it ("15 January 2027"), in UTC. */
function inWords(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
