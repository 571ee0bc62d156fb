import { groupTierChanges, type ListedEvent } from './event-groups';

const NAMES: Record<string, string> = { council: 'Council Member', executive: 'Executive Circle' };
const name = (slug: string) => NAMES[slug] ?? slug;

let n = 0;
function event(fields: Partial<ListedEvent>): ListedEvent {
  n += 1;
  return {
    eventId: `evt_${n}`,
    type: 'invoice.paid',
    created: 1_800_000_000,
    outcome: 'applied',
    memberId: 'm1',
    detail: `detail ${n}`,
    receivedAt: new Date(1_800_000_000_000 + n),
    tierChange: null,
    ...fields,
  };
}

describe(groupTierChanges.name, () => {
  it("makes a tier change and its invoice one row, from which tier to which, and leaves others' events alone", () => {
    const invoice = event({ type: 'invoice.paid', created: 1_800_000_002 });
    const update = event({ type: 'customer.subscription.updated', tierChange: { from: 'council', to: 'executive' } });
    const otherMember = event({ memberId: 'm2', created: 1_800_000_001 });
    const rows = groupTierChanges([invoice, otherMember, update], name);
    expect(rows.map((row) => row.title)).toEqual(['invoice.paid', 'Tier change: Council Member → Executive Circle']);
    expect(rows[1]).toMatchObject({
      types: ['customer.subscription.updated', 'invoice.paid'],
      eventIds: [update.eventId, invoice.eventId],
      outcome: 'applied',
      detail: `${update.detail}; ${invoice.detail}`,
    });
    expect(rows[0].eventIds).toEqual([otherMember.eventId]);
  });

  it("keeps the same member's invoice of another time, and other kinds of event, as rows of their own", () => {
    const renewal = event({ created: 1_800_000_000 + 30 * 86_400 });
    const checkout = event({ type: 'checkout.session.completed', created: 1_800_000_001 });
    const update = event({ type: 'customer.subscription.updated', tierChange: { from: 'executive', to: 'council' } });
    const rows = groupTierChanges([renewal, checkout, update], name);
    expect(rows.map((row) => row.eventIds.length)).toEqual([1, 1, 1]);
    expect(rows[2].title).toBe('Tier change: Executive Circle → Council Member');
  });

  it('says so when one of the events of a change was refused or failed', () => {
    const update = event({ type: 'customer.subscription.updated', tierChange: { from: 'council', to: 'executive' } });
    const failed = event({ type: 'invoice.payment_failed', outcome: 'error', created: 1_800_000_010 });
    expect(groupTierChanges([failed, update], name)).toEqual([expect.objectContaining({ outcome: 'error' })]);
  });

  it('lists single events as they are', () => {
    const single = event({ type: 'customer.created', memberId: null, outcome: 'ignored' });
    expect(groupTierChanges([single], name)).toEqual([
      {
        receivedAt: single.receivedAt,
        title: 'customer.created',
        types: [],
        eventIds: [single.eventId],
        outcome: 'ignored',
        detail: single.detail,
      },
    ]);
  });
});
