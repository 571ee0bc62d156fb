import { formatMoney, monthlyRecurringCents } from '../money';
import { grantsEntitlements, MembershipState } from '../memberships/membership-state';

export interface ReportMembership {
  tier: string | null;
  state: MembershipState;
  activatedAt: Date | null;
  endedAt: Date | null;
}
export interface ReportTier {
  slug: string;
  name: string;
  priceCents: number;
  currency: string;
  interval: 'month' | 'year';
}

export interface BillingReport {
  byTier: Array<{ tier: string; name: string; states: Partial<Record<MembershipState, number>> }>;
  revenue: Array<{ currency: string; mrrCents: number; arrCents: number; mrr: string; arr: string }>;
  newThisMonth: number;
  churnedThisMonth: number;
}

/**
 * The admin billing numbers, computed in code from every membership (FerretDB's `$group` computes
 * only its first accumulator, and these numbers matter). Pure, so it is unit-tested.
 */
export function billingReport(memberships: ReportMembership[], tiers: ReportTier[], now: Date): BillingReport {
  const bySlug = new Map(tiers.map((tier) => [tier.slug, tier]));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const counts = new Map<string, Map<MembershipState, number>>();
  const paying = new Map<string, Array<{ cents: number; interval: 'month' | 'year' }>>();
  let newThisMonth = 0;
  let churnedThisMonth = 0;
  for (const membership of memberships) {
    const tierKey = membership.tier ?? '(no tier)';
    const row = counts.get(tierKey) ?? new Map<MembershipState, number>();
    row.set(membership.state, (row.get(membership.state) ?? 0) + 1);
    counts.set(tierKey, row);
    const tier = membership.tier ? bySlug.get(membership.tier) : undefined;
    if (tier && grantsEntitlements(membership.state)) {
      const list = paying.get(tier.currency) ?? [];
      list.push({ cents: tier.priceCents, interval: tier.interval });
      paying.set(tier.currency, list);
    }
    if (membership.activatedAt && membership.activatedAt >= monthStart) {
      newThisMonth += 1;
    }
    if (membership.endedAt && membership.endedAt >= monthStart) {
      churnedThisMonth += 1;
    }
  }
  // Revenue per currency: amounts in different currencies are never added together.
  const revenue = [...paying.entries()].map(([currency, prices]) => {
    const mrrCents = monthlyRecurringCents(prices);
    return {
      currency,
      mrrCents,
      arrCents: mrrCents * 12,
      mrr: formatMoney(mrrCents, currency),
      arr: formatMoney(mrrCents * 12, currency),
    };
  });
  return {
    byTier: [...counts.entries()].map(([tier, states]) => ({
      tier,
      name: bySlug.get(tier)?.name ?? tier,
      states: Object.fromEntries(states),
    })),
    revenue,
    newThisMonth,
    churnedThisMonth,
  };
}
