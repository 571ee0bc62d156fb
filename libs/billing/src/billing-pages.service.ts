import { Injectable } from '@nestjs/common';
import type { SessionMember } from '@roundtable/auth';
import { NotFoundError, ValidationError } from '@roundtable/core';
import { BillingEventRepository } from './billing-event.repository';
import { billingReport, ReportMembership } from './billing-report';
import { formatMoney, parsePriceToCents } from './money';
import { MembershipRecord, MembershipRepository } from './membership.repository';
import { ENTITLEMENTS, Entitlement, Tier } from './tier.schema';
import { TierRecord, TierRepository } from './tier.repository';

const ENTITLEMENT_LABELS: Record<Entitlement, string> = {
  members_posts: 'Members-only posts',
  comment: 'Comment on the blog',
  guest_post: 'Write guest posts',
  take_surveys: 'Take the council’s surveys',
  see_reports: 'Read the research reports',
  peer_benchmark: 'Your answers benchmarked against peers',
};

/** View models of the membership and billing pages. */
@Injectable()
export class BillingPages {
  constructor(
    private readonly tiers: TierRepository,
    private readonly memberships: MembershipRepository,
    private readonly events: BillingEventRepository,
  ) {}

  async membershipPage(member: SessionMember | undefined, notice: string | undefined) {
    const tiers = (await this.tiers.listOffered()).map((tier) => this.tierView(tier));
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

  async tiersPage(errors: Record<string, string> = {}, values: Record<string, Record<string, unknown>> = {}) {
    const tiers = (await this.tiers.listAll()).map((tier) => ({ ...this.tierView(tier), values: values[tier.slug] }));
    return {
      title: 'Membership tiers',
      tiers,
      errors,
      entitlements: ENTITLEMENTS.map((name) => ({ name, label: ENTITLEMENT_LABELS[name] })),
    };
  }

  /** Validates an admin's edit of a tier; throws a ValidationError naming what is wrong. */
  async updateTier(slug: string, body: Record<string, unknown>): Promise<void> {
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string).trim() : '');
    const problems: string[] = [];
    const priceCents = parsePriceToCents(text('price'));
    if (!text('name') || text('name').length > 80) {
      problems.push('a name of up to 80 characters');
    }
    if (priceCents === null) {
      problems.push('a price such as 2400 or 2400.00');
    }
    if (!/^[a-z]{3}$/i.test(text('currency'))) {
      problems.push('a three-letter currency code such as USD');
    }
    if (!['month', 'year'].includes(text('interval'))) {
      problems.push('an interval of month or year');
    }
    if (!/^price_[A-Za-z0-9_]{3,}$/.test(text('stripePriceId'))) {
      problems.push('a Stripe price id (price_…)');
    }
    const chosen = ([] as unknown[])
      .concat(body.entitlements ?? [])
      .filter((value): value is Entitlement => ENTITLEMENTS.includes(value as Entitlement));
    if (problems.length > 0) {
      throw new ValidationError(`Please give ${problems.join(', ')}.`);
    }
    const fields: Partial<Tier> = {
      name: text('name'),
      description: text('description').slice(0, 500),
      priceCents: priceCents!,
      currency: text('currency').toLowerCase(),
      interval: text('interval') as 'month' | 'year',
      stripePriceId: text('stripePriceId'),
      entitlements: chosen,
      offered: body.offered === 'on' || body.offered === 'true',
    };
    if (!(await this.tiers.update(slug, fields))) {
      throw new NotFoundError('There is no such tier.');
    }
  }

  private tierView(tier: TierRecord) {
    return {
      ...tier,
      price: formatMoney(tier.priceCents, tier.currency),
      priceInput: `${Math.floor(tier.priceCents / 100)}.${String(tier.priceCents % 100).padStart(2, '0')}`,
      per: tier.interval === 'year' ? 'a year' : 'a month',
      benefits: tier.entitlements.map((name) => ENTITLEMENT_LABELS[name] ?? name),
    };
  }
}
