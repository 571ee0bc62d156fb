import {
  grantsEntitlements,
  MEMBERSHIP_STATES,
  MembershipEvent,
  MembershipSnapshot,
  MembershipState,
  transition,
} from './membership-state';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-11-01T00:00:00Z');
const periodEnd = new Date('2026-12-01T00:00:00Z');

function snapshot(state: MembershipState, extra: Partial<MembershipSnapshot> = {}): MembershipSnapshot {
  return { state, periodEnd, pastDueSince: state === 'past_due' ? t0 : null, ...extra };
}

const EVENTS: Record<MembershipEvent['type'], MembershipEvent> = {
  checkout_started: { type: 'checkout_started' },
  payment_succeeded: { type: 'payment_succeeded', periodEnd: new Date('2027-01-01T00:00:00Z') },
  payment_failed: { type: 'payment_failed', at: new Date(t0.getTime() + DAY) },
  grace_expired: { type: 'grace_expired', now: new Date(t0.getTime() + 15 * DAY), graceDays: 14 },
  cancel_requested: { type: 'cancel_requested' },
  cancel_withdrawn: { type: 'cancel_withdrawn' },
  period_ended: { type: 'period_ended', now: new Date(periodEnd.getTime() + 1000) },
  subscription_ended: { type: 'subscription_ended' },
};

/** Every state × event, and where it goes ('refused' when the machine must say no). */
const EXPECTED: Record<MembershipState, Record<MembershipEvent['type'], MembershipState | 'refused'>> = {
  none: {
    checkout_started: 'pending_payment',
    payment_succeeded: 'active',
    payment_failed: 'refused',
    grace_expired: 'refused',
    cancel_requested: 'refused',
    cancel_withdrawn: 'refused',
    period_ended: 'refused',
    subscription_ended: 'refused',
  },
  pending_payment: {
    checkout_started: 'pending_payment',
    payment_succeeded: 'active',
    payment_failed: 'refused',
    grace_expired: 'refused',
    cancel_requested: 'refused',
    cancel_withdrawn: 'refused',
    period_ended: 'refused',
    subscription_ended: 'canceled',
  },
  active: {
    checkout_started: 'refused',
    payment_succeeded: 'active',
    payment_failed: 'past_due',
    grace_expired: 'refused',
    cancel_requested: 'canceling',
    cancel_withdrawn: 'active',
    period_ended: 'refused',
    subscription_ended: 'canceled',
  },
  past_due: {
    checkout_started: 'refused',
    payment_succeeded: 'active',
    payment_failed: 'past_due',
    grace_expired: 'lapsed',
    cancel_requested: 'refused',
    cancel_withdrawn: 'refused',
    period_ended: 'refused',
    subscription_ended: 'canceled',
  },
  canceling: {
    checkout_started: 'refused',
    payment_succeeded: 'canceling',
    payment_failed: 'past_due',
    grace_expired: 'refused',
    cancel_requested: 'canceling',
    cancel_withdrawn: 'active',
    period_ended: 'canceled',
    subscription_ended: 'canceled',
  },
  canceled: {
    checkout_started: 'pending_payment',
    payment_succeeded: 'active',
    payment_failed: 'refused',
    grace_expired: 'refused',
    cancel_requested: 'refused',
    cancel_withdrawn: 'refused',
    period_ended: 'refused',
    subscription_ended: 'refused',
  },
  lapsed: {
    checkout_started: 'pending_payment',
    payment_succeeded: 'active',
    payment_failed: 'refused',
    grace_expired: 'refused',
    cancel_requested: 'refused',
    cancel_withdrawn: 'refused',
    period_ended: 'refused',
    subscription_ended: 'refused',
  },
};

describe(transition.name, () => {
  for (const state of MEMBERSHIP_STATES) {
    for (const [type, event] of Object.entries(EVENTS) as Array<[MembershipEvent['type'], MembershipEvent]>) {
      const expected = EXPECTED[state][type];
      it(`${state} + ${type} → ${expected}`, () => {
        const result = transition(snapshot(state), event);
        if (expected === 'refused') {
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.reason).toMatch(/cannot take|not ended yet/);
          }
        } else {
          expect(result).toMatchObject({ ok: true, next: { state: expected } });
        }
      });
    }
  }

  it('keeps the grace period: past due stays past due until the configured days have passed', () => {
    const early = transition(snapshot('past_due'), {
      type: 'grace_expired',
      now: new Date(t0.getTime() + 13 * DAY),
      graceDays: 14,
    });
    expect(early).toEqual({ ok: false, reason: 'The grace period has not ended yet' });
    const late = transition(snapshot('past_due'), {
      type: 'grace_expired',
      now: new Date(t0.getTime() + 14 * DAY),
      graceDays: 14,
    });
    expect(late).toMatchObject({ ok: true, next: { state: 'lapsed' } });
    const shortGrace = transition(snapshot('past_due'), {
      type: 'grace_expired',
      now: new Date(t0.getTime() + 3 * DAY),
      graceDays: 3,
    });
    expect(shortGrace).toMatchObject({ ok: true, next: { state: 'lapsed' } });
  });

  it('ends a canceling membership only when its paid period is over', () => {
    const before = transition(snapshot('canceling'), {
      type: 'period_ended',
      now: new Date(periodEnd.getTime() - 1000),
    });
    expect(before).toEqual({ ok: false, reason: 'The paid period has not ended yet' });
  });

  it('records when payment first failed, and clears it when payment succeeds', () => {
    const failed = transition(snapshot('active'), { type: 'payment_failed', at: t0 });
    expect(failed).toMatchObject({ ok: true, next: { state: 'past_due', pastDueSince: t0 } });
    const again = transition(snapshot('past_due', { pastDueSince: t0 }), {
      type: 'payment_failed',
      at: new Date(t0.getTime() + 3 * DAY),
    });
    expect(again).toMatchObject({ ok: true, next: { pastDueSince: t0 } });
    const paid = transition(snapshot('past_due'), EVENTS.payment_succeeded);
    expect(paid).toMatchObject({
      ok: true,
      next: { state: 'active', pastDueSince: null, periodEnd: new Date('2027-01-01T00:00:00Z') },
    });
  });
  it('never moves the paid-until date back when an invoice for an earlier period arrives late', () => {
    const later = new Date('2027-06-01T00:00:00Z');
    const late = transition(snapshot('active', { periodEnd: later }), EVENTS.payment_succeeded);
    expect(late).toMatchObject({ ok: true, next: { state: 'active', periodEnd: later } });
    const canceling = transition(snapshot('canceling', { periodEnd: later }), EVENTS.payment_succeeded);
    expect(canceling).toMatchObject({ ok: true, next: { state: 'canceling', periodEnd: later } });
  });

  it('refuses to lapse a past-due membership that has no failure date', () => {
    const result = transition(snapshot('past_due', { pastDueSince: null }), EVENTS.grace_expired);
    expect(result.ok).toBe(false);
  });

  it('refuses to end a canceling membership whose paid period is unknown', () => {
    const result = transition(snapshot('canceling', { periodEnd: null }), EVENTS.period_ended);
    expect(result).toEqual({ ok: false, reason: 'The paid period has not ended yet' });
  });
});

describe(grantsEntitlements.name, () => {
  it('grants while active, canceling (until the period ends) and past due (the grace period)', () => {
    expect(MEMBERSHIP_STATES.filter(grantsEntitlements)).toEqual(['active', 'past_due', 'canceling']);
  });
});
