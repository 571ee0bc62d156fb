import { BillingWorkerModule, MembershipSweep, TierRepository } from '@roundtable/billing';
import { JobRunner } from '@roundtable/jobs';
import { MemberRepository } from '@roundtable/members';
import { createTestApp, TestApp } from '../support/create-test-app';
import { giveStripeCustomer } from '../support/memberships';
import { signInAs, SignedIn } from '../support/sessions';
import { sendStripeEvent, startStripeRecorder, stripeEvent } from '../support/stripe';

const DAY = 24 * 60 * 60;

/** An admin's edit of a tier's entitlements reaches the members of that tier, and only them. */
describe('Editing a tier', () => {
  let t: TestApp;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;
  let admin: SignedIn;
  let sequence = 0;

  /** A member whose membership of `tier` webhooks made active (and then lapsed, if asked). */
  async function memberOf(tier: string, options: { lapsed?: boolean } = {}) {
    const me = await signInAs(t, { role: 'member' });
    const memberId = String(me.member._id);
    await me.agent.post('/membership/checkout').type('form').send({ _csrf: me.csrfToken, tier }).expect(303);
    // stripe-mock answers every customer create with the same id; give each member their own.
    sequence += 1;
    const customerId = `cus_tier_change_${sequence}`;
    await giveStripeCustomer(t, memberId, customerId);
    const created = Math.floor(Date.now() / 1000) - 30 * DAY;
    const invoice = (type: string, at: number) =>
      stripeEvent(
        type,
        { object: 'invoice', customer: customerId, lines: { data: [{ period: { end: at + 365 * DAY } }] } },
        at,
      );
    await sendStripeEvent(t, invoice('invoice.paid', created)).expect(200);
    if (options.lapsed) {
      await sendStripeEvent(t, invoice('invoice.payment_failed', created + 1)).expect(200);
      await t.app.get(JobRunner).runDue(); // the payment-failed mail, out of the way
      await t.app.get(MembershipSweep).sweep(new Date(Date.now() + 15 * DAY * 1000));
    }
    return { me, memberId };
  }
  const summary = async (memberId: string) => (await t.app.get(MemberRepository).findById(memberId))!.membership;
  const editAssociate = (entitlements: string[]) =>
    admin.agent
      .post('/admin/tiers/associate')
      .type('form')
      .send({
        _csrf: admin.csrfToken,
        name: 'Associate',
        description: 'Read members-only posts and join the conversation.',
        price: '600.00',
        currency: 'USD',
        interval: 'year',
        stripePriceId: 'price_roundtable_associate',
        entitlements,
        offered: 'on',
      })
      .expect(303);

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    t = await createTestApp({ env: { STRIPE_API_URL: recorder.url }, imports: [BillingWorkerModule] });
    await t.app.get(TierRepository).seedDefaults();
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    await recorder.close();
  });

  it("rewrites the entitlements of the tier's members when the worker runs, switching routes on and off", async () => {
    const associate = await memberOf('associate');
    const lapsed = await memberOf('associate', { lapsed: true });
    const council = await memberOf('council');
    const councilBefore = await summary(council.memberId);
    expect(await summary(associate.memberId)).toEqual({
      tier: 'associate',
      state: 'active',
      entitlements: ['members_posts', 'comment'],
    });

    await editAssociate(['members_posts', 'comment', 'take_surveys']);
    // Until the worker runs, the members keep what they had.
    expect((await summary(associate.memberId)).entitlements).toEqual(['members_posts', 'comment']);
    await t.app.get(JobRunner).runDue();
    expect(await summary(associate.memberId)).toEqual({
      tier: 'associate',
      state: 'active',
      entitlements: ['members_posts', 'comment', 'take_surveys'],
    });
    expect(await summary(lapsed.memberId)).toEqual({ tier: 'associate', state: 'lapsed', entitlements: [] });
    expect(await summary(council.memberId)).toEqual(councilBefore);
    await associate.me.agent.get('/api/membership/benefits').expect(200);

    // Taking `members_posts` away closes the route that requires it.
    await editAssociate(['comment']);
    await t.app.get(JobRunner).runDue();
    expect((await summary(associate.memberId)).entitlements).toEqual(['comment']);
    await associate.me.agent.get('/api/membership/benefits').expect(403);
    await council.me.agent.get('/api/membership/benefits').expect(200);
  });
});
