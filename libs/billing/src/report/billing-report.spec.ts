import { billingReport } from './billing-report';

const tiers = [
  { slug: 'council', name: 'Council', priceCents: 240000, currency: 'usd', interval: 'year' as const },
  { slug: 'exec', name: 'Exec', priceCents: 50000, currency: 'usd', interval: 'month' as const },
  { slug: 'euro', name: 'Euro', priceCents: 12000, currency: 'eur', interval: 'year' as const },
];
const now = new Date('2026-11-20T12:00:00Z');
const thisMonth = new Date('2026-11-03T00:00:00Z');
const lastMonth = new Date('2026-10-03T00:00:00Z');

describe(billingReport.name, () => {
  it('counts by tier and state, spreads annual prices monthly, and keeps currencies apart', () => {
    const report = billingReport(
      [
        { tier: 'council', state: 'active', activatedAt: thisMonth, endedAt: null },
        { tier: 'council', state: 'past_due', activatedAt: lastMonth, endedAt: null },
        { tier: 'exec', state: 'canceling', activatedAt: lastMonth, endedAt: null },
        { tier: 'exec', state: 'lapsed', activatedAt: lastMonth, endedAt: thisMonth },
        { tier: 'euro', state: 'active', activatedAt: lastMonth, endedAt: null },
        { tier: null, state: 'none', activatedAt: null, endedAt: null },
      ],
      tiers,
      now,
    );
    expect(report.byTier).toEqual([
      { tier: 'council', name: 'Council', states: { active: 1, past_due: 1 } },
      { tier: 'exec', name: 'Exec', states: { canceling: 1, lapsed: 1 } },
      { tier: 'euro', name: 'Euro', states: { active: 1 } },
      { tier: '(no tier)', name: '(no tier)', states: { none: 1 } },
    ]);
    // usd: 2 × 2400/12 + 500 = 900.00 a month; eur: 120/12 = 10.00.
    expect(report.revenue).toEqual([
      { currency: 'usd', mrrCents: 90000, arrCents: 1080000, mrr: '$900.00', arr: '$10,800.00' },
      { currency: 'eur', mrrCents: 1000, arrCents: 12000, mrr: '€10.00', arr: '€120.00' },
    ]);
    expect(report.newThisMonth).toBe(1);
    expect(report.churnedThisMonth).toBe(1);
  });
});
