import { formatMoney } from '../money';
import { ENTITLEMENTS, type Entitlement } from './tier.schema';
import type { TierRecord } from './tier.repository';

/** What each entitlement means to a person, as pages and emails say it. */
export const ENTITLEMENT_LABELS: Record<Entitlement, string> = {
  members_posts: 'Members-only posts',
  comment: 'Comment on the blog',
  guest_post: 'Write guest posts',
  take_surveys: 'Take the council’s surveys',
  see_reports: 'Read the research reports',
  peer_benchmark: 'Your answers benchmarked against peers',
};

export const ENTITLEMENT_CHOICES = ENTITLEMENTS.map((name) => ({ name, label: ENTITLEMENT_LABELS[name] }));

/** A tier as pages show it: the price formatted in its currency, from integer cents. */
export function tierView(tier: TierRecord) {
  return {
    ...tier,
    price: formatMoney(tier.priceCents, tier.currency),
    // The edit form's value, in currency units; string arithmetic on integer cents, no float.
    priceInput: `${Math.floor(tier.priceCents / 100)}.${String(tier.priceCents % 100).padStart(2, '0')}`,
    per: tier.interval === 'year' ? 'a year' : 'a month',
    benefits: tier.entitlements.map((name) => ENTITLEMENT_LABELS[name] ?? name),
  };
}
