import { checkoutSessionFacts, invoiceFacts, subscriptionFacts } from './stripe-objects';

const T = 1_800_000_000;

describe(subscriptionFacts.name, () => {
  it("reads the period end from the subscription's item (API 2025 and later) or from the subscription (earlier)", () => {
    const current = subscriptionFacts({
      id: 'sub_1',
      customer: 'cus_1',
      status: 'active',
      cancel_at_period_end: true,
      items: { data: [{ price: { id: 'price_a' }, current_period_end: T }] },
    });
    expect(current).toEqual({
      subscriptionId: 'sub_1',
      customerId: 'cus_1',
      memberId: null,
      status: 'active',
      cancelAtPeriodEnd: true,
      priceId: 'price_a',
      periodEnd: new Date(T * 1000),
    });
    const older = subscriptionFacts({ id: 'sub_1', customer: 'cus_1', current_period_end: T, items: { data: [] } });
    expect(older.periodEnd).toEqual(new Date(T * 1000));
  });

  it('takes an expanded customer, and copes with missing or malformed fields', () => {
    expect(subscriptionFacts({ customer: { id: 'cus_x', object: 'customer' } }).customerId).toBe('cus_x');
    expect(subscriptionFacts({ items: 'nonsense', current_period_end: 'soon', metadata: null })).toEqual({
      subscriptionId: null,
      customerId: null,
      memberId: null,
      status: 'unknown',
      cancelAtPeriodEnd: false,
      priceId: null,
      periodEnd: null,
    });
  });
});

describe(invoiceFacts.name, () => {
  it("reads the period end from the first line, else from the invoice's own period", () => {
    expect(invoiceFacts({ customer: 'cus_1', lines: { data: [{ period: { start: T - 10, end: T } }] } })).toEqual({
      customerId: 'cus_1',
      periodEnd: new Date(T * 1000),
    });
    expect(invoiceFacts({ customer: 'cus_1', period_end: T + 5 }).periodEnd).toEqual(new Date((T + 5) * 1000));
    expect(invoiceFacts({}).periodEnd).toBeNull();
  });
});

describe(checkoutSessionFacts.name, () => {
  it('names the member by client_reference_id, else by metadata, with the tier from metadata', () => {
    expect(
      checkoutSessionFacts({
        client_reference_id: 'm1',
        customer: 'cus_1',
        subscription: { id: 'sub_1' },
        metadata: { tier: 'council' },
      }),
    ).toEqual({ memberId: 'm1', customerId: 'cus_1', subscriptionId: 'sub_1', tier: 'council' });
    expect(checkoutSessionFacts({ metadata: { memberId: 'm2' } })).toMatchObject({ memberId: 'm2', tier: null });
  });
});
