import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import Stripe from 'stripe';
import { BadRequestError } from '@roundtable/core';
import { MemberRepository } from '@roundtable/members';
import { billingConfig } from './billing.config';
import { BillingEventRepository } from './billing-event.repository';
import type { EventOutcome } from './billing-event.schema';
import type { MembershipEvent } from './membership-state';
import { MembershipRecord, MembershipRepository } from './membership.repository';
import { MembershipService } from './membership.service';
import { STRIPE } from './stripe.provider';
import { checkoutSessionFacts, invoiceFacts, subscriptionFacts } from './stripe-objects';
import { TierRepository } from './tier.repository';

type Json = Record<string, unknown>;
type Settled = { outcome: EventOutcome; detail: string; memberId: string | null };

/**
 * Stripe webhooks: verify the signature on the raw body, apply each event once (unique event id),
 * in any order (older than the newest applied = stale), and record what happened to every event.
 */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);

  constructor(
    @Inject(STRIPE) private readonly stripe: Stripe,
    @Inject(billingConfig.KEY) private readonly config: ConfigType<typeof billingConfig>,
    private readonly events: BillingEventRepository,
    private readonly memberships: MembershipRepository,
    private readonly membershipService: MembershipService,
    private readonly members: MemberRepository,
    private readonly tiers: TierRepository,
  ) {}

  async receive(
    rawBody: Buffer | undefined,
    signature: string | string[] | undefined,
  ): Promise<{ received: true; outcome: string }> {
    if (!rawBody || typeof signature !== 'string') {
      throw new BadRequestError('This request has no Stripe signature.');
    }
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.config.webhookSecret);
    } catch {
      throw new BadRequestError('The Stripe signature of this request is not valid.');
    }
    if (!(await this.events.claim(event.id, event.type, event.created))) {
      return { received: true, outcome: 'duplicate' };
    }
    try {
      const settled = await this.dispatch(event.type, event.data.object as unknown as Json, event.created);
      await this.events.settle(event.id, settled.outcome, settled.detail, settled.memberId);
      return { received: true, outcome: settled.outcome };
    } catch (error) {
      // Recorded as an error and answered 500, so Stripe retries; the retry may claim it again.
      await this.events.settle(event.id, 'error', error instanceof Error ? error.message : String(error), null);
      throw error;
    }
  }

  private async dispatch(type: string, object: Json, created: number): Promise<Settled> {
    switch (type) {
      case 'checkout.session.completed':
        return this.checkoutCompleted(object, created);
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
        return this.subscriptionChanged(type, object, created);
      case 'invoice.paid':
      case 'invoice.payment_failed': {
        const facts = invoiceFacts(object);
        const membership = facts.customerId ? await this.memberships.findByCustomer(facts.customerId) : null;
        if (!membership) {
          return { outcome: 'ignored', detail: 'No membership has this Stripe customer', memberId: null };
        }
        const event: MembershipEvent =
          type === 'invoice.paid'
            ? {
                type: 'payment_succeeded',
                periodEnd: facts.periodEnd ?? membership.periodEnd ?? new Date(created * 1000),
              }
            : { type: 'payment_failed', at: new Date(created * 1000) };
        return this.apply(membership, event, created);
      }
      default:
        return { outcome: 'ignored', detail: `Roundtable does not act on ${type}`, memberId: null };
    }
  }

  private async checkoutCompleted(session: Json, created: number): Promise<Settled> {
    const facts = checkoutSessionFacts(session);
    if (!facts.memberId || !(await this.members.findById(facts.memberId))) {
      return { outcome: 'ignored', detail: 'The checkout session names no member of ours', memberId: null };
    }
    const membership = await this.memberships.getOrCreate(facts.memberId);
    const extra = {
      stripeCustomerId: membership.stripeCustomerId ?? facts.customerId,
      stripeSubscriptionId: facts.subscriptionId ?? membership.stripeSubscriptionId,
      tier: facts.tier ?? membership.tier,
    };
    if (['active', 'past_due', 'canceling'].includes(membership.state)) {
      // The subscription's own events arrived first; only the ids are new.
      return this.apply(
        membership,
        { type: 'payment_succeeded', periodEnd: membership.periodEnd ?? new Date(created * 1000) },
        created,
        extra,
      );
    }
    return this.apply(membership, { type: 'checkout_started' }, created, extra);
  }

  private async subscriptionChanged(type: string, subscription: Json, created: number): Promise<Settled> {
    const facts = subscriptionFacts(subscription);
    const membership =
      (facts.customerId ? await this.memberships.findByCustomer(facts.customerId) : null) ??
      (facts.memberId ? await this.memberships.findByMember(facts.memberId) : null);
    if (!membership) {
      return { outcome: 'ignored', detail: 'No membership has this Stripe customer', memberId: null };
    }
    const tier = facts.priceId ? await this.tiers.findByPriceId(facts.priceId) : null;
    const extra = { stripeSubscriptionId: facts.subscriptionId, ...(tier ? { tier: tier.slug } : {}) };
    const periodEnd = facts.periodEnd ?? membership.periodEnd ?? new Date(created * 1000);
    const ending =
      type === 'customer.subscription.deleted' || ['canceled', 'incomplete_expired'].includes(facts.status);
    const current = membership.stripeSubscriptionId;
    if (ending && current && facts.subscriptionId && facts.subscriptionId !== current) {
      // An earlier subscription (say, from before a lapse and a new checkout) ending is no news.
      return {
        outcome: 'ignored',
        detail: `Subscription ${facts.subscriptionId} ended; the member's current one is ${current}`,
        memberId: membership.memberId,
      };
    }
    if (ending) {
      return this.apply(membership, { type: 'subscription_ended' }, created, extra);
    }
    if (facts.status === 'past_due' || facts.status === 'unpaid') {
      return this.apply(membership, { type: 'payment_failed', at: new Date(created * 1000) }, created, extra);
    }
    if (facts.status !== 'active' && facts.status !== 'trialing') {
      return {
        outcome: 'ignored',
        detail: `Subscription status ${facts.status} changes nothing`,
        memberId: membership.memberId,
      };
    }
    if (facts.cancelAtPeriodEnd && membership.state === 'active') {
      return this.apply(membership, { type: 'cancel_requested' }, created, { ...extra, periodEnd });
    }
    if (!facts.cancelAtPeriodEnd && membership.state === 'canceling') {
      return this.apply(membership, { type: 'cancel_withdrawn' }, created, extra);
    }
    return this.apply(membership, { type: 'payment_succeeded', periodEnd }, created, extra);
  }

  private async apply(
    membership: MembershipRecord,
    event: MembershipEvent,
    created: number,
    extra = {},
  ): Promise<Settled> {
    const result = await this.membershipService.apply(membership, event, { eventCreated: created, extra });
    return { outcome: result.outcome, detail: result.detail, memberId: membership.memberId };
  }
}
