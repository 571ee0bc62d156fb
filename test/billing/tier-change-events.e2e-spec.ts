import { TierRepository } from '@roundtable/billing';
import { createTestApp, type TestApp } from '../support/create-test-app';
import { signInAs, type SignedIn } from '../support/sessions';
import { sendStripeEvent, startStripeRecorder, stripeEvent } from '../support/stripe';

const DAY = 24 * 60 * 60;

/**
 * A tier change reaches us as several Stripe events (the subscription update, then the proration
 * invoice's); staff's billing event list shows it as one row saying from which tier to which.
 */
describe('A tier change in the billing event list', () => {
  let t: TestApp;
  let recorder: Awaited<ReturnType<typeof startStripeRecorder>>;
  let me: SignedIn;
  let customerId: string;

  const subscription = (created: number, price: string) =>
    stripeEvent(
      'customer.subscription.updated',
      {
        id: 'sub_change',
        object: 'subscription',
        customer: customerId,
        status: 'active',
        cancel_at_period_end: false,
        items: { data: [{ price: { id: price }, current_period_end: created + 365 * DAY }] },
      },
      created,
    );
  const invoice = (created: number) =>
    stripeEvent(
      'invoice.paid',
      {
        object: 'invoice',
        customer: customerId,
        billing_reason: 'subscription_update',
        lines: { data: [{ period: { start: created, end: created + 365 * DAY } }] },
      },
      created,
    );
  /** The list's rows: what the first cell says and the event ids it names. */
  const rows = async (staff: SignedIn) =>
    [
      ...(await staff.agent.get('/admin/billing/events').expect(200)).text.matchAll(
        /<td class="row-title">(.*?)<\/td>/g,
      ),
    ].map((m) => ({
      title: m[1].split('<br>')[0],
      ids: [...m[1].matchAll(/<small class="muted">(evt_[^<]*)<\/small>/g)].map((id) => id[1]),
    }));

  beforeAll(async () => {
    recorder = await startStripeRecorder();
    t = await createTestApp({ env: { STRIPE_API_URL: recorder.url } });
    await t.app.get(TierRepository).seedDefaults();
    me = await signInAs(t, { role: 'member', name: 'Tier Changer' });
    await me.agent.post('/membership/checkout').type('form').send({ _csrf: me.csrfToken, tier: 'council' }).expect(303);
    customerId = (await t.connection.collection('memberships').findOne({ memberId: String(me.member._id) }))!
      .stripeCustomerId as string;
  });
  afterAll(async () => {
    await t.close();
    await recorder.close();
  });

  it('shows the update and its invoice as one row from Council Member to Executive Circle', async () => {
    const start = Math.floor(Date.now() / 1000) - 3600;
    const joined = subscription(start, 'price_roundtable_council');
    const paid = invoice(start + 1);
    await sendStripeEvent(t, joined).expect(200);
    await sendStripeEvent(t, paid).expect(200);
    const changed = subscription(start + 600, 'price_roundtable_executive');
    const prorated = invoice(start + 602);
    await sendStripeEvent(t, changed).expect(200);
    await sendStripeEvent(t, prorated).expect(200);
    const membership = await t.connection.collection('memberships').findOne({ memberId: String(me.member._id) });
    expect(membership).toMatchObject({ tier: 'executive', state: 'active' });

    const staff = await signInAs(t, { role: 'staff' });
    expect(await rows(staff)).toEqual([
      { title: 'Tier change: Council Member → Executive Circle', ids: [changed.id, prorated.id] },
      { title: 'invoice.paid', ids: [paid.id] },
      { title: 'customer.subscription.updated', ids: [joined.id] },
    ]);
  });
});
