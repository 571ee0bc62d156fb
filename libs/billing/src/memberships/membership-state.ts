/**
 * The membership state machine. Pure: no Nest, no mongoose, no clock (time comes in the events), so
 * every transition is unit-tested, and the webhook handler and the worker's sweep share one set of
 * rules. Entitlement checks read the resulting state; they never ask Stripe.
 *
 *   none/lapsed/canceled --checkout_started--> pending_payment --payment_succeeded--> active
 *   active/canceling --payment_failed--> past_due --payment_succeeded--> active
 *   past_due --grace_expired (grace days after the first failure)--> lapsed
 *   active --cancel_requested--> canceling --cancel_withdrawn--> active
 *   canceling --period_ended--> canceled;  active/past_due/canceling --subscription_ended--> canceled
 *   lapsed/canceled --payment_succeeded--> active (reactivation)
 */
export const MEMBERSHIP_STATES = [
  'none',
  'pending_payment',
  'active',
  'past_due',
  'canceling',
  'canceled',
  'lapsed',
] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

export type MembershipEvent =
  | { type: 'checkout_started' }
  | { type: 'payment_succeeded'; periodEnd: Date }
  | { type: 'payment_failed'; at: Date }
  | { type: 'grace_expired'; now: Date; graceDays: number }
  | { type: 'cancel_requested' }
  | { type: 'cancel_withdrawn' }
  | { type: 'period_ended'; now: Date }
  | { type: 'subscription_ended' };

export interface MembershipSnapshot {
  state: MembershipState;
  /** When the paid period ends (from Stripe). */
  periodEnd: Date | null;
  /** When payment first failed, for the grace period. */
  pastDueSince: Date | null;
}

export type TransitionResult = { ok: true; next: MembershipSnapshot } | { ok: false; reason: string };

const refuse = (state: MembershipState, event: MembershipEvent['type']): TransitionResult => ({
  ok: false,
  reason: `A membership that is ${state.replace('_', ' ')} cannot take "${event.replace('_', ' ')}"`,
});

const latest = (a: Date | null, b: Date): Date => (a && a.getTime() > b.getTime() ? a : b);

export function transition(current: MembershipSnapshot, event: MembershipEvent): TransitionResult {
  const { state } = current;
  const to = (next: Partial<MembershipSnapshot> & { state: MembershipState }): TransitionResult => ({
    ok: true,
    next: { ...current, ...next },
  });
  switch (event.type) {
    case 'checkout_started':
      return ['none', 'lapsed', 'canceled', 'pending_payment'].includes(state)
        ? to({ state: 'pending_payment' })
        : refuse(state, event.type);
    case 'payment_succeeded': {
      // Paying reactivates a lapsed or canceled membership, and clears a failure. The paid-until date
      // only moves forward: an invoice for an earlier period, delivered late, never shortens it.
      const periodEnd = latest(current.periodEnd, event.periodEnd);
      return state === 'canceling'
        ? to({ state: 'canceling', periodEnd, pastDueSince: null })
        : to({ state: 'active', periodEnd, pastDueSince: null });
    }
    case 'payment_failed':
      // Only a membership that was paid for has benefits to keep through a grace period; a first
      // payment that fails leaves it pending (the member may try again).
      if (state === 'active' || state === 'canceling') {
        return to({ state: 'past_due', pastDueSince: event.at });
      }
      return state === 'past_due' ? to({ state: 'past_due' }) : refuse(state, event.type);
    case 'grace_expired': {
      if (state !== 'past_due' || !current.pastDueSince) {
        return refuse(state, event.type);
      }
      const graceEnds = current.pastDueSince.getTime() + event.graceDays * 24 * 60 * 60 * 1000;
      return event.now.getTime() >= graceEnds
        ? to({ state: 'lapsed' })
        : { ok: false, reason: 'The grace period has not ended yet' };
    }
    case 'cancel_requested':
      return state === 'active' || state === 'canceling' ? to({ state: 'canceling' }) : refuse(state, event.type);
    case 'cancel_withdrawn':
      return state === 'canceling' || state === 'active' ? to({ state: 'active' }) : refuse(state, event.type);
    case 'period_ended':
      if (state !== 'canceling') {
        return refuse(state, event.type);
      }
      return current.periodEnd && event.now.getTime() >= current.periodEnd.getTime()
        ? to({ state: 'canceled' })
        : { ok: false, reason: 'The paid period has not ended yet' };
    case 'subscription_ended':
      return ['active', 'past_due', 'canceling', 'pending_payment'].includes(state)
        ? to({ state: 'canceled' })
        : refuse(state, event.type);
  }
}

/**
 * The rule of entitlements: a member has their tier's entitlements while the membership is
 * - `active` (paid),
 * - `past_due` (a payment failed; the grace period of BILLING_GRACE_DAYS keeps them, and the worker's
 *   sweep lapses the membership when it is over, within ten minutes), or
 * - `canceling` (canceled at period end: paid until the period ends, then the sweep makes it canceled);
 * and none in `none`, `pending_payment`, `lapsed` and `canceled`. Staff and admins pass every check.
 */
export function grantsEntitlements(state: MembershipState): boolean {
  return state === 'active' || state === 'canceling' || state === 'past_due';
}
