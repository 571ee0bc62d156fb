import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '@roundtable/core';
import { MailService, renderMail } from '@roundtable/mail';
import { MemberRepository } from '@roundtable/members';
import { billingConfig } from './billing.config';
import { grantsEntitlements, MembershipEvent, MembershipState, transition } from './membership-state';
import { Membership } from './membership.schema';
import { MembershipRecord, MembershipRepository } from './membership.repository';
import { TierRepository } from './tier.repository';

export type ApplyOutcome = { outcome: 'applied' | 'refused' | 'stale'; detail: string; state: MembershipState };

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
    private readonly members: MemberRepository,
    private readonly tiers: TierRepository,
    private readonly mail: MailService,
  ) {}

  get graceDays(): number {
    return this.billing.graceDays;
  }

  /**
   * Applies one event. `eventCreated` (Stripe's, in seconds) orders events: one older than the newest
   * applied is stale and changes nothing. `extra` carries ids and the tier an event names.
   */
  async apply(
    membership: MembershipRecord,
    event: MembershipEvent,
    options: { eventCreated?: number; extra?: Partial<Membership> } = {},
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
      return { outcome: 'stale', detail: 'The membership changed meanwhile', state: membership.state };
    }
    const after = { ...membership, ...changes } as MembershipRecord;
    await this.writeSummary(after);
    await this.notify(membership.state, after);
    return { outcome: 'applied', detail: `${membership.state} → ${next.state}`, state: next.state };
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
