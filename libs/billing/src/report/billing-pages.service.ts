import { Injectable } from '@nestjs/common';
import { isStaff, type SessionMember } from '@roundtable/auth';
import { formatDate, keysetPage, keysetPlan, pageLinks, type ParsedQuery, type SortKey } from '@roundtable/core';
import { EVENT_OUTCOMES } from '../webhooks/billing-event.schema';
import { groupTierChanges } from '../webhooks/event-groups';
import { EventsQuery } from '../webhooks/events-query.dto';
import { BillingEventRepository } from '../webhooks/billing-event.repository';
import { BillingReportRepository } from './billing-report.repository';
import { MembershipRepository } from '../memberships/membership.repository';
import type { Entitlement } from '../tiers/tier.schema';
import { TierRepository } from '../tiers/tier.repository';
import { ENTITLEMENT_LABELS, tierView } from '../tiers/tier-view';

/** The billing page shows the latest few; the event list pages through all of them. */
const RECENT_EVENTS = 10;
/** Newest first; events received in the same millisecond keep one order by `_id`. */
const EVENT_ORDER: SortKey[] = [
  { field: 'receivedAt', direction: -1 },
  { field: '_id', direction: -1 },
];

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
    const paying = membership ? ['active', 'past_due', 'canceling'].includes(membership.state) : false;
    return {
      title: 'Membership',
      tiers,
      role: member?.role ?? 'visitor',
      isStaff: isStaff(member),
      membership,
      tierName: tier?.name ?? membership?.tier ?? null,
      paidUntil: membership?.periodEnd ? formatDate(membership.periodEnd) : null,
      hasPaidMembership: paying,
      // The tier the member pays for now, marked among the tiers; none once a membership has ended.
      currentTier: paying ? membership!.tier : null,
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
      events: await this.events.recent(RECENT_EVENTS),
    };
  }

  /** Staff's list of every billing event, newest first, a page at a time, by outcome and type. */
  async eventsPage({ value, ignored }: ParsedQuery<EventsQuery>) {
    const plan = keysetPlan(EVENT_ORDER, value);
    const page = keysetPage(await this.events.listPage({ outcome: value.outcome, type: value.type }, plan), plan);
    const names = new Map((await this.tiers.listAll()).map((tier) => [tier.slug, tier.name]));
    const filters = {
      outcome: value.outcome,
      type: value.type,
      size: value.size,
    };
    return {
      title: 'Billing events',
      events: groupTierChanges(page.rows, (slug) => names.get(slug) ?? slug),
      outcomes: EVENT_OUTCOMES,
      filter: filters,
      ignored,
      links: pageLinks('/admin/billing/events', filters, page),
    };
  }
}
