import { BillingReporter, BillingWorkerModule, MembershipSweep, SWEEP_JOB, TierRepository } from '@roundtable/billing';
import { JobRunner, RecurringJobs } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { deliverAndRead } from '../support/mailbox';
import { buildMembership, giveStripeCustomer, pinMembershipDates, removeMembership } from '../support/memberships';
import { signInAs, SignedIn } from '../support/sessions';
import { sendStripeEvent, startStripeRecorder, stripeEvent } from '../support/stripe';

const DAY = 24 * 60 * 60;

describe('Billing against stripe-mock', () => {
  let t: TestApp;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;
  let me: SignedIn;
  let customerId: string;
  const base = Math.floor(Date.now() / 1000);

  const membershipOf = async (memberId: string) => t.connection.collection('memberships').findOne({ memberId });
  const summary = async () => (await t.app.get(MemberRepository).findById(String(me.member._id)))!.membership;
  const invoice = (type: string, created: number, id?: string, periodEnd = base + 365 * DAY) =>
    stripeEvent(
      type,
      {
        id: 'in_test',
        object: 'invoice',
        customer: customerId,
        lines: { data: [{ period: { start: created, end: periodEnd } }] },
      },
      created,
      id,
    );

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    // The worker's sweep runs here too, called by the test with the time it wants.
    t = await createTestApp({
      env: { STRIPE_API_URL: recorder.url, BILLING_GRACE_DAYS: '14' },
      imports: [BillingWorkerModule],
    });
    await t.app.get(TierRepository).seedDefaults();
    me = await signInAs(t, { role: 'member', name: 'Paying Member' });
  });
  afterAll(async () => {
    await t.close();
    await recorder.close();
  });

  it('starts Checkout with the right parameters and reuses the customer', async () => {
    const response = await me.agent
      .post('/membership/checkout')
      .type('form')
      .send({ _csrf: me.csrfToken, tier: 'council' })
      .expect(303);
    expect(response.headers.location).toMatch(/^https:\/\//);

    const customers = recorder.calls.filter((call) => call.path === '/v1/customers');
    expect(customers).toHaveLength(1);
    expect(customers[0].params.get('email')).toBe(me.member.email);
    expect(customers[0].params.get('metadata[memberId]')).toBe(String(me.member._id));

    const session = recorder.calls.find((call) => call.path === '/v1/checkout/sessions')!.params;
    const membership = await membershipOf(String(me.member._id));
    customerId = membership!.stripeCustomerId;
    expect(customerId).toMatch(/^cus_/);
    expect(Object.fromEntries(session)).toMatchObject({
      mode: 'subscription',
      customer: customerId,
      client_reference_id: String(me.member._id),
      'line_items[0][price]': 'price_roundtable_council',
      'line_items[0][quantity]': '1',
      success_url: 'http://127.0.0.1/membership/welcome?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://127.0.0.1/membership?checkout=cancelled',
      'metadata[tier]': 'council',
      'subscription_data[metadata][memberId]': String(me.member._id),
    });
    expect(membership).toMatchObject({ state: 'pending_payment', tier: 'council' });

    // Abandoning and trying again reuses the same Stripe customer.
    await me.agent.post('/membership/checkout').type('form').send({ _csrf: me.csrfToken, tier: 'council' }).expect(303);
    expect(recorder.calls.filter((call) => call.path === '/v1/customers')).toHaveLength(1);
    expect(
      recorder.calls
        .filter((call) => call.path === '/v1/checkout/sessions')
        .at(-1)!
        .params.get('customer'),
    ).toBe(customerId);
  });

  it('refuses checkout for an unknown tier and for applicants, clearly', async () => {
    const unknown = await me.agent
      .post('/membership/checkout')
      .type('form')
      .send({ _csrf: me.csrfToken, tier: 'platinum' });
    expect(unknown.status).toBe(404);
    const applicant = await signInAs(t, { role: 'applicant' });
    const refused = await applicant.agent
      .post('/membership/checkout')
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: applicant.csrfToken, tier: 'council' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Only approved members can choose a membership');
  });

  it('drives a member active → past due → lapsed and back with signed webhooks, switching entitlements', async () => {
    await me.agent.get('/api/membership/benefits').expect(403);
    const completed = stripeEvent(
      'checkout.session.completed',
      {
        id: 'cs_test',
        object: 'checkout.session',
        client_reference_id: String(me.member._id),
        customer: customerId,
        subscription: 'sub_test',
        metadata: { tier: 'council' },
      },
      base,
    );
    expect((await sendStripeEvent(t, completed).expect(200)).body).toEqual({ received: true, outcome: 'applied' });

    await sendStripeEvent(t, invoice('invoice.paid', base + 1)).expect(200);
    expect(await summary()).toEqual({
      tier: 'council',
      state: 'active',
      entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
    });
    expect((await deliverAndRead(t, me.member.email, /Welcome to the Roundtable council/)).text).toContain('/portal');
    const benefits = await me.agent.get('/api/membership/benefits').expect(200);
    expect(benefits.body.entitlements.map((e: { name: string }) => e.name)).toContain('see_reports');
    await me.agent.get('/membership/benefits').expect(200);

    await sendStripeEvent(t, invoice('invoice.payment_failed', base + 2)).expect(200);
    expect((await summary()).state).toBe('past_due');
    const failedMail = await deliverAndRead(t, me.member.email, /payment did not go through/);
    expect(failedMail.text).toContain('http://127.0.0.1/membership');
    await me.agent.get('/api/membership/benefits').expect(200); // the grace period keeps the benefits

    const sweep = t.app.get(MembershipSweep);
    expect(await sweep.sweep(new Date(Date.now() + 13 * DAY * 1000))).toEqual({ lapsed: 0, ended: 0 });
    expect(await sweep.sweep(new Date(Date.now() + 15 * DAY * 1000))).toEqual({ lapsed: 1, ended: 0 });
    expect(await summary()).toEqual({ tier: 'council', state: 'lapsed', entitlements: [] });
    await deliverAndRead(t, me.member.email, /membership has lapsed/);
    await me.agent.get('/api/membership/benefits').expect(403);
    await me.agent.get('/membership/benefits').set('Accept', 'text/html').expect(403);

    await sendStripeEvent(t, invoice('invoice.paid', base + 10, 'evt_reactivate')).expect(200);
    expect((await summary()).state).toBe('active');
    await me.agent.get('/api/membership/benefits').expect(200);
  });

  it('applies a redelivered event once and never lets an older event overwrite a newer state', async () => {
    const again = await sendStripeEvent(t, invoice('invoice.paid', base + 10, 'evt_reactivate')).expect(200);
    expect(again.body.outcome).toBe('duplicate');

    const older = await sendStripeEvent(t, invoice('invoice.payment_failed', base + 5, 'evt_older_failure')).expect(
      200,
    );
    expect(older.body.outcome).toBe('stale');
    expect((await summary()).state).toBe('active');
    const recorded = await t.connection.collection('billing_events').findOne({ eventId: 'evt_older_failure' });
    expect(recorded).toMatchObject({ outcome: 'stale', type: 'invoice.payment_failed' });
  });

  it('rejects a forged signature with a 400 and changes nothing', async () => {
    const forged = invoice('invoice.payment_failed', base + 20, 'evt_forged');
    const response = await sendStripeEvent(t, forged, 'whsec_not_our_secret').expect(400);
    expect(response.body.message).toBe('The Stripe signature of this request is not valid.');
    expect(await t.connection.collection('billing_events').findOne({ eventId: 'evt_forged' })).toBeNull();
    expect((await summary()).state).toBe('active');
  });

  it('acknowledges an event type it does not handle', async () => {
    const response = await sendStripeEvent(
      t,
      stripeEvent('customer.tax_id.created', { id: 'txi_1' }, base + 21),
    ).expect(200);
    expect(response.body.outcome).toBe('ignored');
  });

  it('opens the Customer Portal, and ends a membership canceled at period end when the period ends', async () => {
    const portal = await me.agent.post('/membership/manage').type('form').send({ _csrf: me.csrfToken }).expect(303);
    expect(portal.headers.location).toMatch(/^https:\/\//);
    const call = recorder.calls.filter((c) => c.path === '/v1/billing_portal/sessions').at(-1)!;
    expect(Object.fromEntries(call.params)).toEqual({
      customer: customerId,
      return_url: 'http://127.0.0.1/membership',
    });

    const periodEnd = base + 30 * DAY;
    const canceling = stripeEvent(
      'customer.subscription.updated',
      {
        id: 'sub_test',
        object: 'subscription',
        customer: customerId,
        status: 'active',
        cancel_at_period_end: true,
        items: { data: [{ price: { id: 'price_roundtable_executive' }, current_period_end: periodEnd }] },
      },
      base + 30,
    );
    await sendStripeEvent(t, canceling).expect(200);
    expect(await summary()).toMatchObject({ tier: 'executive', state: 'canceling' });
    await me.agent.get('/api/membership/benefits').expect(200); // paid until the period ends

    const sweep = t.app.get(MembershipSweep);
    expect(await sweep.sweep(new Date((periodEnd - 60) * 1000))).toEqual({ lapsed: 0, ended: 0 });
    expect(await sweep.sweep(new Date((periodEnd + 60) * 1000))).toEqual({ lapsed: 0, ended: 1 });
    expect(await summary()).toEqual({ tier: 'executive', state: 'canceled', entitlements: [] });
  });

  it('shows staff the billing report with money formatted in its currency', async () => {
    const other = await signInAs(t, { role: 'member' });
    await other.agent
      .post('/membership/checkout')
      .type('form')
      .send({ _csrf: other.csrfToken, tier: 'associate' })
      .expect(303);
    const otherCustomer = (await membershipOf(String(other.member._id)))!.stripeCustomerId;
    // stripe-mock returns the same fixture customer id each time; give this one its own.
    await giveStripeCustomer(t, String(other.member._id), `${otherCustomer}_2`);
    await sendStripeEvent(
      t,
      stripeEvent(
        'invoice.paid',
        { object: 'invoice', customer: `${otherCustomer}_2`, lines: { data: [{ period: { end: base + 365 * DAY } }] } },
        base + 40,
      ),
    ).expect(200);

    const staff = await signInAs(t, { role: 'staff' });
    const before = await staff.agent.get('/admin/billing').expect(200);
    expect(before.text).toContain('The worker has not computed the billing figures yet');
    // The worker's sweep job computes the figures into a snapshot the page reads.
    await t.app.get(RecurringJobs).ensure(SWEEP_JOB);
    await t.app.get(JobRunner).runDue();
    const page = await staff.agent.get('/admin/billing').expect(200);
    // One associate at $600.00 a year is $50.00 a month; the other member's membership was canceled.
    expect(page.text).toMatch(/<td>USD<\/td><td>\$50\.00<\/td><td>\$600\.00<\/td>/);
    // "This month" is the month of the report's own time: the job above used the real clock, so the
    // month figures are checked on dates pinned in one known month, whatever today's date is.
    await pinMembershipDates(t, {
      activatedAt: new Date('2030-03-02T10:00:00Z'),
      endedAt: new Date('2030-03-05T10:00:00Z'),
    });
    await buildMembership(t, 'last-month', {
      tier: 'associate',
      state: 'canceled',
      activatedAt: new Date('2030-01-10T10:00:00Z'),
      endedAt: new Date('2030-02-28T23:59:59Z'),
    });
    await t.app.get(BillingReporter).refresh(new Date('2030-03-31T23:00:00Z'));
    const month = await staff.agent.get('/admin/billing').expect(200);
    expect(month.text).toContain('New this month: <strong id="new-this-month">2</strong>');
    expect(month.text).toContain('Churned this month: <strong id="churned-this-month">1</strong>');
    await removeMembership(t, 'last-month');
    await t.app.get(BillingReporter).refresh(new Date());
    const table = /<table class="data" id="by-tier">([\s\S]*?)<\/table>/.exec(page.text)![1];
    const tiers = [...table.matchAll(/<th>([^<]+)<\/th>/g)].map((m) => m[1]).slice(1);
    const row = (state: string) =>
      Object.fromEntries(
        [
          ...new RegExp(`<tr><td>${state}</td>((?:<td>\\d+</td>)+)</tr>`).exec(table)![1].matchAll(/<td>(\d+)<\/td>/g),
        ].map((m, i) => [tiers[i], Number(m[1])]),
      );
    expect(row('canceled')).toEqual({ 'Executive Circle': 1, Associate: 0 });
    expect(row('active')).toEqual({ 'Executive Circle': 0, Associate: 1 });
    expect(page.text).toContain('evt_older_failure');
    expect(page.text).toContain('stale');
    await me.agent.get('/admin/billing').expect(403);
    // Admins, who edit the tiers, find the editor from here; staff, who may not, see no link.
    expect(page.text).not.toContain('href="/admin/tiers"');
    const admin = await signInAs(t, { role: 'admin' });
    const adminPage = await admin.agent.get('/admin/billing').expect(200);
    expect(adminPage.text).toContain('<a href="/admin/tiers">Edit the membership tiers</a>');
  });
});
