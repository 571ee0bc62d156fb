import { TierRepository } from '@roundtable/billing';
import { MemberRepository } from '@roundtable/members';
import { buildBillingEvent, claimBillingEventAt } from '../support/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { giveStripeCustomer, holdMembershipLock } from '../support/memberships';
import { signInAs } from '../support/sessions';
import { sendStripeEvent, startStripeRecorder, stripeEvent } from '../support/stripe';

const DAY = 24 * 60 * 60;

/**
 * Stripe sends the events of one checkout within the same second and does not wait for our answers,
 * so they reach the API at once. FerretDB v1 lets concurrent guarded updates all win, and on MongoDB
 * the loser of a guarded update would be dropped as stale; either way the events of one membership
 * must be applied one after the other, and each must count.
 */
describe('Billing webhooks arriving at the same time', () => {
  let t: TestApp;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    t = await createTestApp({ env: { STRIPE_API_URL: recorder.url } });
    await t.app.get(TierRepository).seedDefaults();
  });
  afterAll(async () => {
    await t.close();
    await recorder.close();
  });

  /** A member who has started Checkout for the council tier, with a Stripe customer of their own. */
  async function memberInCheckout(n: number) {
    const me = await signInAs(t, { role: 'member' });
    await me.agent.post('/membership/checkout').type('form').send({ _csrf: me.csrfToken, tier: 'council' }).expect(303);
    // stripe-mock answers every customer create with the same fixture id; give each member their own.
    const customerId = `cus_concurrent_${n}_${Date.now()}`;
    await giveStripeCustomer(t, String(me.member._id), customerId);
    return { me, memberId: String(me.member._id), customerId };
  }

  it('applies checkout, subscription and invoice events delivered together, and welcomes the member once', async () => {
    const created = Math.floor(Date.now() / 1000);
    const periodEnd = created + 365 * DAY;
    const members = await Promise.all([1, 2, 3, 4].map(memberInCheckout));
    const deliveries = members.flatMap(({ memberId, customerId }) => [
      stripeEvent(
        'checkout.session.completed',
        {
          object: 'checkout.session',
          client_reference_id: memberId,
          customer: customerId,
          subscription: `sub_${customerId}`,
          metadata: { tier: 'council' },
        },
        created,
      ),
      stripeEvent(
        'customer.subscription.created',
        {
          id: `sub_${customerId}`,
          object: 'subscription',
          customer: customerId,
          status: 'active',
          cancel_at_period_end: false,
          items: { data: [{ price: { id: 'price_roundtable_council' }, current_period_end: periodEnd }] },
        },
        created,
      ),
      stripeEvent(
        'invoice.paid',
        { object: 'invoice', customer: customerId, lines: { data: [{ period: { start: created, end: periodEnd } }] } },
        created,
      ),
    ]);
    const answers = await Promise.all(deliveries.map((event) => sendStripeEvent(t, event)));
    expect(answers.map((answer) => answer.status)).toEqual(deliveries.map(() => 200));

    for (const { me, memberId, customerId } of members) {
      const summary = (await t.app.get(MemberRepository).findById(memberId))!.membership;
      expect(summary).toEqual({
        tier: 'council',
        state: 'active',
        entitlements: ['members_posts', 'comment', 'take_surveys', 'see_reports', 'guest_post'],
      });
      expect(await t.connection.collection('memberships').findOne({ memberId })).toMatchObject({
        state: 'active',
        stripeSubscriptionId: `sub_${customerId}`,
        periodEnd: new Date(periodEnd * 1000),
      });
      const welcomes = await t.connection
        .collection('jobs')
        .countDocuments({ type: 'mail.send', 'payload.to': me.member.email, 'payload.subject': /^Welcome/ });
      expect(welcomes).toBe(1);
      await me.agent.get('/api/membership/benefits').expect(200);
    }
    // No event was dropped as stale: each was applied, or (checkout after activation) only filled ids.
    const outcomes = await t.connection
      .collection('billing_events')
      .find({ eventId: { $in: deliveries.map((event) => event.id) } })
      .toArray();
    expect(outcomes).toHaveLength(deliveries.length);
    expect(outcomes.filter((event) => event.outcome !== 'applied')).toEqual([]);
  });

  it("takes over the lock of a change that died mid-way once its lease is over, and keeps a live one's", async () => {
    const { memberId, customerId } = await memberInCheckout(9);
    const locks = await holdMembershipLock(t, memberId, 'a worker that crashed', new Date(Date.now() - 1000));
    const created = Math.floor(Date.now() / 1000);
    const paid = stripeEvent(
      'invoice.paid',
      { object: 'invoice', customer: customerId, lines: { data: [{ period: { end: created + 30 * DAY } }] } },
      created,
    );
    expect((await sendStripeEvent(t, paid).expect(200)).body.outcome).toBe('applied');
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership.state).toBe('active');
    expect(await locks.findOne({ _id: memberId }).lean()).toBeNull();

    // A lock still within its lease holds the change back until it is released.
    await holdMembershipLock(t, memberId, 'a change in progress', new Date(Date.now() + 30_000));
    const failed = stripeEvent('invoice.payment_failed', { object: 'invoice', customer: customerId }, created + 1);
    const answer = sendStripeEvent(t, failed).then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership.state).toBe('active');
    await locks.deleteOne({ _id: memberId, holder: 'a change in progress' });
    expect((await answer).body.outcome).toBe('applied');
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership.state).toBe('past_due');
  });

  it('answers 409 to a redelivery while the event is being processed, and takes over one whose processing died', async () => {
    const { memberId, customerId } = await memberInCheckout(20);
    const created = Math.floor(Date.now() / 1000);
    const paid = stripeEvent(
      'invoice.paid',
      { object: 'invoice', customer: customerId, lines: { data: [{ period: { end: created + 30 * DAY } }] } },
      created,
    );
    // Another request claimed this event a moment ago and is still working on it.
    await buildBillingEvent(t, {
      eventId: paid.id,
      type: paid.type,
      created,
      outcome: 'received',
      claimedAt: new Date(),
    });
    const busy = await sendStripeEvent(t, paid).expect(409);
    expect(busy.body.message).toBe('This event is being processed; please retry later.');
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership.state).toBe('pending_payment');

    // That request died mid-way (its process crashed): after the lease, Stripe's retry applies the event.
    await claimBillingEventAt(t, paid.id, new Date(Date.now() - 10 * 60 * 1000));
    expect((await sendStripeEvent(t, paid).expect(200)).body.outcome).toBe('applied');
    expect((await t.app.get(MemberRepository).findById(memberId))!.membership.state).toBe('active');
    expect((await sendStripeEvent(t, paid).expect(200)).body.outcome).toBe('duplicate');
    expect(await t.connection.collection('billing_events').countDocuments({ eventId: paid.id })).toBe(1);
  });
});
