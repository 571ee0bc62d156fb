import { BillingWorkerModule, SWEEP_JOB, TierRepository } from '@roundtable/billing';
import { JobRepository, JobRunner, RecurringJobs } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { deliverAndRead, linkIn } from '../support/mailbox';
import { giveStripeCustomer } from '../support/memberships';
import { signInAs, SignedIn } from '../support/sessions';
import { sendStripeEvent, startStripeRecorder, stripeEvent } from '../support/stripe';

const DAY = 24 * 60 * 60;
const now = () => Math.floor(Date.now() / 1000);

/**
 * A membership's life as Stripe and time move it: the worker's sweep job lapses it, the mail's portal
 * link opens Stripe's portal, and redelivered, late or unrelated events leave it alone.
 */
describe('Membership life cycle', () => {
  let t: TestApp;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;
  let me: SignedIn;
  let customerId: string;

  const summary = async () => (await t.app.get(MemberRepository).findById(String(me.member._id)))!.membership;
  const membership = () => t.connection.collection('memberships').findOne({ memberId: String(me.member._id) });
  const invoice = (type: string, created: number, id?: string, periodEnd = created + 365 * DAY) =>
    stripeEvent(
      type,
      { object: 'invoice', customer: customerId, lines: { data: [{ period: { start: created, end: periodEnd } }] } },
      created,
      id,
    );
  const subscription = (created: number, fields: Record<string, unknown>, id?: string) =>
    stripeEvent(
      'customer.subscription.updated',
      {
        id: 'sub_current',
        object: 'subscription',
        customer: customerId,
        status: 'active',
        cancel_at_period_end: false,
        items: { data: [{ price: { id: 'price_roundtable_council' }, current_period_end: created + 365 * DAY }] },
        ...fields,
      },
      created,
      id,
    );
  const pendingSweeps = () => t.app.get(JobRepository).findRecent({ type: SWEEP_JOB, status: 'pending' });

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    t = await createTestApp({ env: { STRIPE_API_URL: recorder.url }, imports: [BillingWorkerModule] });
    await t.app.get(TierRepository).seedDefaults();
    me = await signInAs(t, { role: 'member', name: 'Life Cycle' });
    await me.agent.post('/membership/checkout').type('form').send({ _csrf: me.csrfToken, tier: 'council' }).expect(303);
    customerId = (await membership())!.stripeCustomerId;
  });
  afterAll(async () => {
    await t.close();
    await recorder.close();
  });

  it('records the subscription id of a late checkout event without letting it change the state', async () => {
    const start = now() - 40 * DAY;
    await sendStripeEvent(t, invoice('invoice.paid', start + 1)).expect(200);
    expect((await summary()).state).toBe('active');
    const lateCheckout = stripeEvent(
      'checkout.session.completed',
      {
        object: 'checkout.session',
        client_reference_id: String(me.member._id),
        customer: customerId,
        subscription: 'sub_current',
        metadata: { tier: 'council' },
      },
      start,
    );
    expect((await sendStripeEvent(t, lateCheckout).expect(200)).body.outcome).toBe('stale');
    expect(await membership()).toMatchObject({ state: 'active', stripeSubscriptionId: 'sub_current' });
  });

  it('refuses a second checkout while the membership is active, pointing to the portal', async () => {
    const again = await me.agent
      .post('/membership/checkout')
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: me.csrfToken, tier: 'executive' });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('Manage my membership');
  });

  it('mails a portal link on a failed payment that opens the Customer Portal for this customer', async () => {
    // The payment failed 15 days ago: the event's own time starts the grace period.
    await sendStripeEvent(t, invoice('invoice.payment_failed', now() - 15 * DAY, 'evt_failed_15_days_ago')).expect(200);
    expect((await summary()).state).toBe('past_due');
    const mail = await deliverAndRead(t, me.member.email, /payment did not go through/);
    expect(mail.text).toContain('stay as they are\nfor 14 days');
    const link = linkIn(mail, 'http://127.0.0.1/membership/portal');
    const portal = await me.agent.get(new URL(link).pathname).expect(303);
    expect(portal.headers.location).toMatch(/^https:\/\//);
    const call = recorder.calls.filter((c) => c.path === '/v1/billing_portal/sessions').at(-1)!;
    expect(Object.fromEntries(call.params)).toEqual({
      customer: customerId,
      return_url: 'http://127.0.0.1/membership',
    });

    const visitor = await signInAs(t, { role: 'member' });
    const none = await visitor.agent.get('/membership/portal').set('Accept', 'application/json');
    expect(none.status).toBe(409);
    expect(none.body.message).toBe('You have no paid membership to manage yet. Choose a tier first.');
  });

  it('lapses the membership when the worker runs the sweep job, and books the next run', async () => {
    await me.agent.get('/api/membership/benefits').expect(200); // still in the grace period's benefits
    // What each worker's JobLoop.open does for a standing schedule; a second worker books no second chain.
    await t.app.get(RecurringJobs).ensure(SWEEP_JOB);
    await t.app.get(RecurringJobs).ensure(SWEEP_JOB);
    expect(await pendingSweeps()).toHaveLength(1);

    const before = Date.now();
    await t.app.get(JobRunner).runDue();
    expect(await summary()).toEqual({ tier: 'council', state: 'lapsed', entitlements: [] });
    const next = await pendingSweeps();
    expect(next).toHaveLength(1);
    expect(next[0].runAt.getTime()).toBeGreaterThanOrEqual(before + 10 * 60 * 1000 - 1000);
    expect((await t.app.get(JobRepository).findRecent({ type: SWEEP_JOB, status: 'done' })).length).toBe(1);

    const lapsed = await deliverAndRead(t, me.member.email, /membership has lapsed/);
    expect(lapsed.text).toContain('http://127.0.0.1/membership');
    await me.agent.get('/api/membership/benefits').expect(403);
    const page = await me.agent.get('/membership/benefits').set('Accept', 'text/html').expect(403);
    expect(page.text).toContain('Your membership does not include this');
  });

  it('applies a redelivered failure only once: after paying again the member stays active', async () => {
    await sendStripeEvent(t, invoice('invoice.paid', now(), 'evt_paid_again')).expect(200);
    expect((await summary()).state).toBe('active');
    await deliverAndRead(t, me.member.email, /Welcome to the Roundtable council/);
    const redelivered = invoice('invoice.payment_failed', now(), 'evt_failed_15_days_ago');
    expect((await sendStripeEvent(t, redelivered).expect(200)).body).toEqual({ received: true, outcome: 'duplicate' });
    expect((await summary()).state).toBe('active');
    expect(await t.connection.collection('billing_events').countDocuments({ eventId: 'evt_failed_15_days_ago' })).toBe(
      1,
    );
    await me.agent.get('/api/membership/benefits').expect(200);
  });

  it('keeps the newer subscription state when an older update arrives late, and the later paid-until date', async () => {
    const newer = now() + 5;
    await sendStripeEvent(t, subscription(newer, {})).expect(200);
    const paidUntil = (await membership())!.periodEnd as Date;
    const older = subscription(newer - 60, {
      status: 'past_due',
      items: { data: [{ price: { id: 'price_roundtable_associate' }, current_period_end: newer - 30 * DAY }] },
    });
    expect((await sendStripeEvent(t, older).expect(200)).body.outcome).toBe('stale');
    expect(await summary()).toMatchObject({ tier: 'council', state: 'active' });
    expect(((await membership())!.periodEnd as Date).getTime()).toBe(paidUntil.getTime());
    const olderInvoice = invoice('invoice.paid', newer + 1, undefined, newer - 90 * DAY);
    await sendStripeEvent(t, olderInvoice).expect(200);
    expect(((await membership())!.periodEnd as Date).getTime()).toBe(paidUntil.getTime());
  });

  it('ignores the end of an earlier subscription, and ends the membership when the current one ends', async () => {
    const at = now() + 10;
    const earlier = stripeEvent(
      'customer.subscription.deleted',
      { id: 'sub_from_last_year', object: 'subscription', customer: customerId, status: 'canceled' },
      at,
    );
    const ignored = await sendStripeEvent(t, earlier).expect(200);
    expect(ignored.body.outcome).toBe('ignored');
    expect((await summary()).state).toBe('active');

    const current = stripeEvent(
      'customer.subscription.deleted',
      { id: 'sub_current', object: 'subscription', customer: customerId, status: 'canceled' },
      at + 1,
    );
    expect((await sendStripeEvent(t, current).expect(200)).body.outcome).toBe('applied');
    expect(await summary()).toEqual({ tier: 'council', state: 'canceled', entitlements: [] });
    await me.agent.get('/api/membership/benefits').expect(403);
    const recorded = await t.connection.collection('billing_events').findOne({ eventId: earlier.id });
    expect(recorded).toMatchObject({ outcome: 'ignored', memberId: String(me.member._id) });
  });

  it('keeps a membership whose first payment fails pending, without benefits or a grace period', async () => {
    const newcomer = await signInAs(t, { role: 'member' });
    const memberId = String(newcomer.member._id);
    await newcomer.agent
      .post('/membership/checkout')
      .type('form')
      .send({ _csrf: newcomer.csrfToken, tier: 'associate' })
      .expect(303);
    // stripe-mock gives every customer the same id; this member gets one of their own.
    const theirs = `${customerId}_first_payment`;
    await giveStripeCustomer(t, memberId, theirs);
    const failed = stripeEvent('invoice.payment_failed', { object: 'invoice', customer: theirs }, now());
    expect((await sendStripeEvent(t, failed).expect(200)).body.outcome).toBe('refused');
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership).toEqual({
      tier: 'associate',
      state: 'pending_payment',
      entitlements: [],
    });
    await newcomer.agent.get('/api/membership/benefits').expect(403);
    const recorded = await t.connection.collection('billing_events').findOne({ eventId: failed.id });
    expect(recorded).toMatchObject({ outcome: 'refused', memberId });
  });

  it('takes a subscription update that is both paid again and set to cancel from past due to canceling', async () => {
    const member = await signInAs(t, { role: 'member' });
    const memberId = String(member.member._id);
    await member.agent
      .post('/membership/checkout')
      .type('form')
      .send({ _csrf: member.csrfToken, tier: 'council' })
      .expect(303);
    const theirs = `${customerId}_pays_and_cancels`;
    await giveStripeCustomer(t, memberId, theirs);
    const at = now();
    const paid = stripeEvent('invoice.paid', { object: 'invoice', customer: theirs }, at);
    await sendStripeEvent(t, paid).expect(200);
    await sendStripeEvent(t, stripeEvent('invoice.payment_failed', { object: 'invoice', customer: theirs }, at + 1));
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership.state).toBe('past_due');

    const periodEnd = at + 20 * DAY;
    const update = stripeEvent(
      'customer.subscription.updated',
      {
        id: 'sub_pays_and_cancels',
        object: 'subscription',
        customer: theirs,
        status: 'active',
        cancel_at_period_end: true,
        items: { data: [{ price: { id: 'price_roundtable_council' }, current_period_end: periodEnd }] },
      },
      at + 2,
    );
    const answer = await sendStripeEvent(t, update).expect(200);
    expect(answer.body.outcome).toBe('applied');
    expect(await t.connection.collection('billing_events').findOne({ eventId: update.id })).toMatchObject({
      detail: 'past_due → active; active → canceling',
    });
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership).toMatchObject({
      state: 'canceling',
      entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
    });
    expect(await t.connection.collection('memberships').findOne({ memberId })).toMatchObject({
      periodEnd: new Date(periodEnd * 1000),
      pastDueSince: null,
    });
  });
});
