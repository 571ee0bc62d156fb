import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { BillingEventRepository } from '../webhooks/billing-event.repository';
import { BillingReportRepository } from './billing-report.repository';
import { MembershipRepository } from '../memberships/membership.repository';
import type { Entitlement } from '../tiers/tier.schema';
import { TierRepository } from '../tiers/tier.repository';
import { ENTITLEMENT_LABELS, tierView } from '../tiers/tier-view';

/** A date as people read it, in UTC like every date the council shows. */
const formatDate = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

/** View models of the membership and billing pages. */
@Injectable()
export class BillingPages {
  constructor(
    private readonly tiers: TierRepository,
    private readonly memberships: MembershipRepository,
    private readonly events: BillingEventRepository,
    private readonly reports: BillingReportRepository,
  ) {}

  async membershipPage(member: SessionMember | undefined, notice: string | undefined) {
    const tiers = (await this.tiers.listOffered()).map(tierView);
    const membership = member ? await this.memberships.findByMember(member.id) : null;
    const tier = membership?.tier ? await this.tiers.findBySlug(membership.tier) : null;
    return {
      title: 'Membership',
      tiers,
      role: member?.role ?? 'visitor',
      membership,
      tierName: tier?.name ?? membership?.tier ?? null,
      paidUntil: membership?.periodEnd ? formatDate(membership.periodEnd) : null,
      hasPaidMembership: membership ? ['active', 'past_due', 'canceling'].includes(membership.state) : false,
      canManage: Boolean(membership?.stripeCustomerId),
      notice: notice === 'cancelled' ? 'Checkout was cancelled; nothing was charged.' : null,
    };
  }

  async offeredTiers() {
    return (await this.tiers.listOffered()).map((tier) => ({
      slug: tier.slug,
      name: tier.name,
      priceCents: tier.priceCents,
      currency: tier.currency,
      interval: tier.interval,
      stripePriceId: tier.stripePriceId,
    }));
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

  /** The worker's latest snapshot of the numbers, and the recent events (an indexed, bounded read). */
  async adminReport() {
    const snapshot = await this.reports.findCurrent();
    return {
      title: 'Billing',
      report: snapshot?.report ?? null,
      computedAt: snapshot?.computedAt ?? null,
      states: ['active', 'past_due', 'canceling', 'pending_payment', 'lapsed', 'canceled', 'none'],
      events: await this.events.recent(50),
    };
  }
}
