import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { billingConfig } from '../billing.config';
import { grantsEntitlements, MembershipEvent, MembershipState, transition } from './membership-state';
import { MembershipLockRepository } from './membership-lock.repository';
import { Membership } from './membership.schema';
import { MembershipRecord, MembershipRepository } from './membership.repository';
import { TierRepository } from '../tiers/tier.repository';

export type ApplyOutcome = { outcome: 'applied' | 'refused' | 'stale'; detail: string; state: MembershipState };
export type ApplyOptions = { eventCreated?: number; extra?: Partial<Membership> };
/** Applies an event to the membership read under the lock (see `withMembership`). */
export type ApplyEventFn = (event: MembershipEvent, options?: ApplyOptions) => Promise<ApplyOutcome>;

/** How long one change may hold a membership before others may take it over (it takes milliseconds). */
const LOCK_LEASE_MS = 30_000;
/** How long a change waits for a busy membership before giving up (a webhook then answers 500, and Stripe retries). */
const LOCK_WAIT_MS = 10_000;

/**
 * Moves a membership through the state machine and keeps the member's summary (tier, state,
 * entitlements) current, which is what every other feature reads. Sends the emails that go with a
 * change of state.
 */
@Injectable()
export class MembershipService {
  private readonly logger = new Logger(MembershipService.name);

  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(billingConfig.KEY) private readonly billing: ConfigType<typeof billingConfig>,
    private readonly memberships: MembershipRepository,
    private readonly locks: MembershipLockRepository,
    private readonly members: MemberRepository,
    private readonly tiers: TierRepository,
    private readonly mail: MailService,
  ) {}

  get graceDays(): number {
    return this.billing.graceDays;
  }

  /**
   * Runs `work` on the member's membership (created empty the first time) while holding its lock, so
   * the changes of one membership happen one after the other: Stripe delivers a checkout's events
   * at once, and a decision made on a copy read before another change landed would undo it. `work`
   * gets the membership as it is now and `applyEvent`, which changes it.
   */
  async withMembership<T>(
    memberId: string,
    work: (current: MembershipRecord, applyEvent: ApplyEventFn) => Promise<T>,
  ): Promise<T> {
    const holder = randomUUID();
    const giveUpAt = Date.now() + LOCK_WAIT_MS;
    while (!(await this.locks.acquire(memberId, holder, LOCK_LEASE_MS))) {
      if (Date.now() > giveUpAt) {
        throw new Error(`The membership of member ${memberId} stayed busy for ${LOCK_WAIT_MS} ms`);
      }
      await sleep(15 + Math.floor(Math.random() * 30));
    }
    try {
      let locked = await this.memberships.getOrCreate(memberId);
      const applyEvent: ApplyEventFn = async (event, options) => {
        const outcome = await this.applyUnderLock(locked, event, options);
        locked = (await this.memberships.findByMember(memberId))!;
        return outcome;
      };
      return await work(locked, applyEvent);
    } finally {
      await this.locks.release(memberId, holder);
    }
  }

  /** Applies one event to the member's membership as it is now (under its lock). */
  applyEvent(memberId: string, event: MembershipEvent, options: ApplyOptions = {}): Promise<ApplyOutcome> {
    return this.withMembership(memberId, (_current, applyEvent) => applyEvent(event, options));
  }

  /**
   * Applies one event; only under the membership's lock, to the record read under it. `eventCreated`
   * (Stripe's, in seconds) orders events: one older than the newest applied is stale and changes
   * nothing. `extra` carries ids and the tier an event names.
   */
  private async applyUnderLock(
    membership: MembershipRecord,
    event: MembershipEvent,
    options: ApplyOptions = {},
  ): Promise<ApplyOutcome> {
    const eventCreated = options.eventCreated ?? membership.lastEventCreated;
    if (eventCreated < membership.lastEventCreated) {
      await this.memberships.fillMissingIds(membership._id, {
        stripeCustomerId: options.extra?.stripeCustomerId,
        stripeSubscriptionId: options.extra?.stripeSubscriptionId,
      });
      return { outcome: 'stale', detail: 'A newer event was already applied', state: membership.state };
    }
    const result = transition(membership, event);
    if (!result.ok) {
      return { outcome: 'refused', detail: result.reason, state: membership.state };
    }
    const next = result.next;
    const changes: Partial<Membership> = {
      state: next.state,
      periodEnd: next.periodEnd,
      pastDueSince: next.pastDueSince,
      lastEventCreated: eventCreated,
      // Ids, the tier and a new period end that the event carries.
      ...options.extra,
    };
    if (next.state === 'active' && !membership.activatedAt) {
      changes.activatedAt = new Date();
    }
    if ((next.state === 'canceled' || next.state === 'lapsed') && membership.state !== next.state) {
      changes.endedAt = new Date();
    }
    if (next.state === 'active' && membership.endedAt) {
      // A returning member has not churned (the report counts ends this month).
      changes.endedAt = null;
    }
    const applied = await this.memberships.applyIfCurrent(membership._id, membership, changes);
    if (!applied) {
      // Only if this change outlived its lock's lease and another took over: fail, so it is retried.
      throw new Error(`The membership of member ${membership.memberId} changed while it was locked`);
    }
    const after = { ...membership, ...changes } as MembershipRecord;
    await this.writeSummary(after);
    await this.notify(membership.state, after);
    return { outcome: 'applied', detail: `${membership.state} → ${next.state}`, state: next.state };
  }

  /** Rewrites the member's summary from the membership and its tier as they are now (a tier was edited). */
  refreshSummary(memberId: string): Promise<void> {
    return this.withMembership(memberId, (current) => this.writeSummary(current));
  }

  /** The member record's summary, from which pages and guards decide. */
  async writeSummary(membership: MembershipRecord): Promise<void> {
    const tier = membership.tier ? await this.tiers.findBySlug(membership.tier) : null;
    await this.members.setMembership(membership.memberId, {
      tier: membership.tier,
      state: membership.state,
      entitlements: tier && grantsEntitlements(membership.state) ? [...tier.entitlements] : [],
    });
  }

  private async notify(before: MembershipState, after: MembershipRecord): Promise<void> {
    if (before === after.state) {
      return;
    }
    const member = await this.members.findById(after.memberId);
    if (!member) {
      this.logger.warn(`Membership ${String(after._id)} belongs to no member`);
      return;
    }
    const base = this.app.baseUrl;
    const tier = after.tier ? await this.tiers.findBySlug(after.tier) : null;
    const context = {
      name: member.name,
      tierName: tier?.name ?? 'council',
      manageUrl: `${base}/membership`,
      billingPortalUrl: `${base}/membership/portal`,
      portalUrl: `${base}/portal`,
      graceDays: this.graceDays,
    };
    const emails: Partial<Record<MembershipState, { subject: string; template: string }>> = {
      active: ['pending_payment', 'none', 'lapsed', 'canceled'].includes(before)
        ? { subject: 'Welcome to the Roundtable council', template: 'billing/email/welcome' }
        : undefined,
      past_due: { subject: 'Your Roundtable payment did not go through', template: 'billing/email/payment-failed' },
      lapsed: { subject: 'Your Roundtable membership has lapsed', template: 'billing/email/lapsed' },
    };
    const email = emails[after.state];
    if (email) {
      await this.mail.queue({ to: member.email, subject: email.subject, ...renderMail(email.template, context) });
    }
  }
}
