import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { BillingEventRepository } from './billing-event.repository';
import { billingReport, ReportMembership } from './billing-report';
import { MembershipRecord, MembershipRepository } from './membership.repository';
import type { Entitlement } from './tier.schema';
import { TierRepository } from './tier.repository';
import { ENTITLEMENT_LABELS, tierView } from './tier-view';

/** View models of the membership and billing pages. */
@Injectable()
export class BillingPages {
  constructor(
    private readonly tiers: TierRepository,
    private readonly memberships: MembershipRepository,
    private readonly events: BillingEventRepository,
  ) {}

  async membershipPage(member: SessionMember | undefined, notice: string | undefined) {
    const tiers = (await this.tiers.listOffered()).map(tierView);
    const membership = member ? await this.memberships.findByMember(member.id) : null;
    return {
      title: 'Membership',
      tiers,
      role: member?.role ?? 'visitor',
      membership,
      hasPaidMembership: membership ? ['active', 'past_due', 'canceling'].includes(membership.state) : false,
      canManage: Boolean(membership?.stripeCustomerId),
      notice: notice === 'cancelled' ? 'Checkout was cancelled; nothing was charged.' : null,
    };
  }

  benefits(member: SessionMember) {
    return {
      tier: member.membership.tier,
      state: member.membership.state,
      entitlements: member.membership.entitlements.map((name) => ({
        name,
        label: ENTITLEMENT_LABELS[name as Entitlement] ?? name,
      })),
    };
  }

  async adminReport(now = new Date()) {
    const memberships: ReportMembership[] = [];
    for await (const membership of this.memberships.cursor() as AsyncIterable<MembershipRecord>) {
      memberships.push({
        tier: membership.tier,
        state: membership.state,
        activatedAt: membership.activatedAt,
        endedAt: membership.endedAt,
      });
    }
    const tiers = await this.tiers.listAll();
    return {
      title: 'Billing',
      report: billingReport(memberships, tiers, now),
      states: ['active', 'past_due', 'canceling', 'pending_payment', 'lapsed', 'canceled', 'none'],
      events: await this.events.recent(50),
    };
  }
}
