import { buildBillingEvent, type BillingEventFields } from '../support/billing';
import { createTestApp, TestApp } from '../support/create-test-app';
import { walkList } from '../support/list-pages';
import { signInAs } from '../support/sessions';

/** Staff's billing events: keyset pages through ties in the received time, outcome and type filters. */
describe('The billing event list', () => {
  let t: TestApp;
  const EVENT_ID = /<small class="muted">(evt_[^<]*)<\/small>/;

  /** Applied invoice events received at one moment unless `fields` move them, so their times can tie. */
  async function insert(ids: string[], fields: (i: number) => Partial<BillingEventFields> & { receivedAt?: Date }) {
    for (const [i, eventId] of ids.entries()) {
      const { receivedAt, ...overrides } = fields(i);
      await buildBillingEvent(
        t,
        { eventId, created: 1_700_000_000 + i, ...overrides },
        { at: receivedAt ?? new Date('2026-11-20T09:00:00Z') },
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('pages every event newest first through events received at the same moment, each once, both ways', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `evt_tied_${i}`);
    // Six share one time; two arrived later and lead the list.
    await insert(ids, (i) => (i < 6 ? {} : { receivedAt: new Date(Date.UTC(2026, 10, 21, i)) }));
    const staff = await signInAs(t, { role: 'staff' });
    const { forward, backward } = await walkList(staff.agent, '/admin/billing/events?size=3', EVENT_ID);
    const rows = forward.flatMap((page) => page.rows);
    expect([...rows].sort()).toEqual([...ids].sort());
    expect(rows.slice(0, 2)).toEqual(['evt_tied_7', 'evt_tied_6']);
    expect(forward.map((page) => page.rows.length)).toEqual([3, 3, 2]);
    expect(backward.map((page) => page.rows)).toEqual(forward.map((page) => page.rows));
  });

  it('filters by outcome and by Stripe type, and names a filter it could not apply', async () => {
    await insert(['evt_refused', 'evt_customer'], (i) =>
      i === 0 ? { outcome: 'refused', detail: 'No such tier.' } : { type: 'customer.created', outcome: 'ignored' },
    );
    const staff = await signInAs(t, { role: 'staff' });
    const ids = async (url: string) =>
      [...(await staff.agent.get(url).expect(200)).text.matchAll(new RegExp(EVENT_ID.source, 'g'))].map((m) => m[1]);
    expect(await ids('/admin/billing/events?outcome=refused')).toEqual(['evt_refused']);
    expect(await ids('/admin/billing/events?type=customer.created')).toEqual(['evt_customer']);
    expect(await ids('/admin/billing/events?type=customer.created&outcome=applied')).toEqual([]);
    const odd = await staff.agent.get('/admin/billing/events?outcome=lost&type=%7B%24gt%3A%22%22%7D').expect(200);
    expect(odd.text).toContain('That is not an outcome, so events with every outcome are shown.');
    expect(odd.text).toContain(
      'An event type looks like customer.subscription.updated, so events of every type are shown.',
    );
    expect(odd.text).toContain('evt_refused');
    // The billing page links to the list.
    expect((await staff.agent.get('/admin/billing').expect(200)).text).toContain('href="/admin/billing/events"');
  });

  it('is for staff only', async () => {
    const member = await signInAs(t, { role: 'member' });
    await member.agent.get('/admin/billing/events').set('Accept', 'text/html').expect(403);
  });
});
