import type { MembershipState } from '@roundtable/billing';
import type { Model } from 'mongoose';
import type { TestApp } from './create-test-app';
import { modelOf } from './stored';

/** A membership as billing stores it (one per member; the Stripe side and the state machine's dates). */
export interface MembershipFields {
  memberId: string;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  tier: string | null;
  state: MembershipState;
  periodEnd: Date | null;
  pastDueSince: Date | null;
  lastEventCreated: number;
  activatedAt: Date | null;
  endedAt: Date | null;
}

/**
 * A member's billing membership, active on the council tier for a year unless `overrides` say
 * otherwise. Written through the Membership model: webhooks make memberships, and no repository
 * method makes one already in a given state.
 */
export async function buildMembership(
  t: TestApp,
  memberId: string,
  overrides: Partial<MembershipFields> = {},
): Promise<MembershipFields> {
  const created = await modelOf<MembershipFields>(t, 'Membership').create({
    memberId,
    stripeCustomerId: `cus_${memberId}`,
    stripeSubscriptionId: `sub_${memberId}`,
    tier: 'council',
    state: 'active',
    periodEnd: new Date(Date.now() + 365 * 86_400_000),
    activatedAt: new Date(),
    ...overrides,
  });
  return created.toObject();
}

/**
 * Gives the member's membership a Stripe customer of its own. stripe-mock answers every customer
 * create with the same fixture id, so tests with several paying members tell them apart this way.
 */
export async function giveStripeCustomer(t: TestApp, memberId: string, customerId: string): Promise<void> {
  await modelOf<MembershipFields>(t, 'Membership').updateOne({ memberId }, { $set: { stripeCustomerId: customerId } });
}

/**
 * Moves every membership's start and end dates to the ones given (those it has), so month figures
 * are checked on dates in one known month whatever today's date is.
 */
export async function pinMembershipDates(t: TestApp, dates: { activatedAt: Date; endedAt: Date }): Promise<void> {
  const memberships = modelOf<MembershipFields>(t, 'Membership');
  await memberships.updateMany({ activatedAt: { $ne: null } }, { $set: { activatedAt: dates.activatedAt } });
  await memberships.updateMany({ endedAt: { $ne: null } }, { $set: { endedAt: dates.endedAt } });
}

/** Removes a member's membership (a test's own record, once its figures are checked). */
export async function removeMembership(t: TestApp, memberId: string): Promise<void> {
  await modelOf<MembershipFields>(t, 'Membership').deleteOne({ memberId });
}

/** A change's lock on one member's membership, as billing takes it, held until `expiresAt`. */
export interface MembershipLockFields {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/**
 * Holds the lock on a member's membership for `holder` until `expiresAt` (in the past: a change
 * whose process died mid-way), through the MembershipLock model. Returns the model so a test can
 * look at or release the lock.
 */
export async function holdMembershipLock(
  t: TestApp,
  memberId: string,
  holder: string,
  expiresAt: Date,
): Promise<Model<MembershipLockFields>> {
  const locks = modelOf<MembershipLockFields>(t, 'MembershipLock');
  await locks.create({ _id: memberId, holder, expiresAt });
  return locks;
}
