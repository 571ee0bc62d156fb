import { TierRepository, type Entitlement, type TierRecord } from '@roundtable/billing';
import type { TestApp } from './create-test-app';
import { modelOf, restamp } from './stored';

type TierFields = Omit<TierRecord, '_id'>;

let sequence = 0;

/**
 * A tier as staff's editor adds it (TierRepository.create), offered and priced yearly, named and
 * priced uniquely unless `overrides` say otherwise; a `position` given is set after (create puts a
 * new tier last).
 */
export async function buildTier(t: TestApp, overrides: Partial<TierFields> = {}): Promise<TierRecord> {
  sequence += 1;
  const tiers = t.app.get(TierRepository);
  const name = overrides.name ?? `Tier ${sequence}`;
  const slug = overrides.slug ?? `${name.toLowerCase().replace(/\W+/g, '-')}-${sequence}`;
  const { position, ...fields } = overrides;
  const created = await tiers.create({
    name,
    slug,
    description: '',
    priceCents: 10000 + sequence,
    currency: 'usd',
    interval: 'year',
    stripePriceId: `price_${slug.replace(/-/g, '_')}`,
    entitlements: ['comment'] satisfies Entitlement[],
    offered: true,
    ...fields,
  });
  if (position !== undefined) {
    await tiers.update(created.slug, { position });
    return { ...created, position };
  }
  return created;
}

/** A Stripe event as the webhook records it once handled. */
export interface BillingEventFields {
  eventId: string;
  type: string;
  created: number;
  outcome: 'received' | 'applied' | 'ignored' | 'stale' | 'refused' | 'error';
  memberId: string | null;
  detail: string;
  claimedAt: Date;
}

let events = 0;

/**
 * A billing event already handled (applied, for no member) unless `overrides` say otherwise; `at`
 * stores it as received then. Written through the BillingEvent model: the webhook's repository
 * records events only as they arrive.
 */
export async function buildBillingEvent(
  t: TestApp,
  overrides: Partial<BillingEventFields> = {},
  options: { at?: Date } = {},
): Promise<BillingEventFields> {
  events += 1;
  const created = await modelOf<BillingEventFields>(t, 'BillingEvent').create({
    eventId: `evt_built_${events}_${Date.now()}`,
    type: 'invoice.paid',
    created: Math.floor(Date.now() / 1000),
    outcome: 'applied',
    memberId: null,
    detail: 'Applied.',
    ...overrides,
  });
  if (options.at) {
    await restamp(t, 'BillingEvent', { _id: created._id }, { receivedAt: options.at, updatedAt: options.at });
  }
  return created.toObject();
}

/** Moves when an event's handling was claimed, as if the request that claimed it had died that long ago. */
export async function claimBillingEventAt(t: TestApp, eventId: string, claimedAt: Date): Promise<void> {
  await modelOf<BillingEventFields>(t, 'BillingEvent').updateOne({ eventId }, { $set: { claimedAt } });
}
