import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import Stripe from 'stripe';
import { BadRequestError, ConflictError } from '@roundtable/core';
import { MemberRepository } from '@roundtable/members';
import { billingConfig } from '../billing.config';
import { BillingEventRepository } from './billing-event.repository';
import type { EventOutcome } from './billing-event.schema';
import type { MembershipEvent } from '../memberships/membership-state';
import type { Membership } from '../memberships/membership.schema';
import { MembershipRecord, MembershipRepository } from '../memberships/membership.repository';
import { MembershipService } from '../memberships/membership.service';
import { STRIPE } from '../stripe.provider';
import { checkoutSessionFacts, invoiceFacts, subscriptionFacts } from './stripe-objects';
import { eventShapeProblem, SIGNATURE_TOLERANCE_SECONDS, signatureTimestampProblem } from './event-shape';
import { TierRepository } from '../tiers/tier.repository';

type Json = Record<string, unknown>;
type Settled = {
  outcome: EventOutcome;
  detail: string;
  memberId: string | null;
  tierChange?: { from: string | null; to: string };
};
/** What an event does to a membership: a state machine event (with ids it carries), or nothing. */
type Decision = { event: MembershipEvent; extra?: Partial<Membership>; then?: MembershipEvent } | { ignored: string };

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
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.config.webhookSecret,
        SIGNATURE_TOLERANCE_SECONDS,
      );
    } catch {
      throw new BadRequestError('The Stripe signature of this request is not valid.');
    }
    const timestampProblem = signatureTimestampProblem(signature, Math.floor(Date.now() / 1000));
    if (timestampProblem) {
      throw new BadRequestError(timestampProblem);
    }
    const shapeProblem = eventShapeProblem(event);
    if (shapeProblem) {
      throw new BadRequestError(shapeProblem);
    }
    const claim = await this.events.claim(event.id, event.type, event.created);
    if (claim === 'settled') {
      return { received: true, outcome: 'duplicate' };
    }
    if (claim === 'in_progress') {
      // Not acknowledged: if that processing fails, Stripe's next retry must still find it to do.
      throw new ConflictError('This event is being processed; please retry later.');
    }
    try {
      const settled = await this.dispatch(event.type, event.data.object as unknown as Json, event.created);
      await this.events.settle(event.id, settled.outcome, settled.detail, settled.memberId, settled.tierChange);
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
      case 'invoice.payment_failed':
        return this.invoiceSettled(type, object, created);
      default:
        return { outcome: 'ignored', detail: `Roundtable does not act on ${type}`, memberId: null };
    }
  }

  /**
   * Decides and applies under the membership's lock, on the membership as it is then: the events of
   * one checkout arrive together, and each decision reads the state the one before it left.
   */
  private decideAndApply(
    memberId: string,
    created: number,
    decide: (current: MembershipRecord) => Decision,
  ): Promise<Settled> {
    return this.membershipService.withMembership(memberId, async (current, applyEvent) => {
      const decision = decide(current);
      if ('ignored' in decision) {
        return { outcome: 'ignored', detail: decision.ignored, memberId };
      }
      const options = { eventCreated: created, extra: decision.extra };
      const result = await applyEvent(decision.event, options);
      if (decision.then && result.outcome === 'applied') {
        // One subscription update that says two things (paid again, and cancel at period end).
        const second = await applyEvent(decision.then, options);
        return { outcome: second.outcome, detail: `${result.detail}; ${second.detail}`, memberId };
      }
      return { outcome: result.outcome, detail: result.detail, memberId };
    });
  }

  private async invoiceSettled(type: string, invoice: Json, created: number): Promise<Settled> {
    const facts = invoiceFacts(invoice);
    const found = facts.customerId ? await this.memberships.findByCustomer(facts.customerId) : null;
    if (!found) {
      return { outcome: 'ignored', detail: 'No membership has this Stripe customer', memberId: null };
    }
    return this.decideAndApply(found.memberId, created, (current) => ({
      event:
        type === 'invoice.paid'
          ? { type: 'payment_succeeded', periodEnd: facts.periodEnd ?? current.periodEnd ?? new Date(created * 1000) }
          : { type: 'payment_failed', at: new Date(created * 1000) },
    }));
  }

  private async checkoutCompleted(session: Json, created: number): Promise<Settled> {
    const facts = checkoutSessionFacts(session);
    if (!facts.memberId || !(await this.members.findById(facts.memberId))) {
      return { outcome: 'ignored', detail: 'The checkout session names no member of ours', memberId: null };
    }
    return this.decideAndApply(facts.memberId, created, (current) => {
      const extra = {
        stripeCustomerId: current.stripeCustomerId ?? facts.customerId,
        stripeSubscriptionId: facts.subscriptionId ?? current.stripeSubscriptionId,
        tier: facts.tier ?? current.tier,
      };
      if (['active', 'past_due', 'canceling'].includes(current.state)) {
        // The subscription's own events arrived first; only the ids are new.
        return {
          event: { type: 'payment_succeeded', periodEnd: current.periodEnd ?? new Date(created * 1000) },
          extra,
        };
      }
      return { event: { type: 'checkout_started' }, extra };
    });
  }

  private async subscriptionChanged(type: string, subscription: Json, created: number): Promise<Settled> {
    const facts = subscriptionFacts(subscription);
    const found =
      (facts.customerId ? await this.memberships.findByCustomer(facts.customerId) : null) ??
      (facts.memberId ? await this.memberships.findByMember(facts.memberId) : null);
    if (!found) {
      return { outcome: 'ignored', detail: 'No membership has this Stripe customer', memberId: null };
    }
    const tier = facts.priceId ? await this.tiers.findByPriceId(facts.priceId) : null;
    const ending =
      type === 'customer.subscription.deleted' || ['canceled', 'incomplete_expired'].includes(facts.status);
    const before: { tier: string | null } = { tier: null };
    const settled = await this.decideAndApply(found.memberId, created, (current) => {
      before.tier = current.tier ?? null;
      const extra = { stripeSubscriptionId: facts.subscriptionId, ...(tier ? { tier: tier.slug } : {}) };
      const periodEnd = facts.periodEnd ?? current.periodEnd ?? new Date(created * 1000);
      const ours = current.stripeSubscriptionId;
      if (ending && ours && facts.subscriptionId && facts.subscriptionId !== ours) {
        // An earlier subscription (say, from before a lapse and a new checkout) ending is no news.
        return { ignored: `Subscription ${facts.subscriptionId} ended; the member's current one is ${ours}` };
      }
      if (ending) {
        return { event: { type: 'subscription_ended' }, extra };
      }
      if (facts.status === 'past_due' || facts.status === 'unpaid') {
        return { event: { type: 'payment_failed', at: new Date(created * 1000) }, extra };
      }
      if (facts.status !== 'active' && facts.status !== 'trialing') {
        return { ignored: `Subscription status ${facts.status} changes nothing` };
      }
      if (facts.cancelAtPeriodEnd && current.state === 'active') {
        return { event: { type: 'cancel_requested' }, extra: { ...extra, periodEnd } };
      }
      if (facts.cancelAtPeriodEnd && current.state !== 'canceling') {
        // Active again (say, paid after a failure) and set to cancel: both, in that order.
        return { event: { type: 'payment_succeeded', periodEnd }, extra, then: { type: 'cancel_requested' } };
      }
      if (!facts.cancelAtPeriodEnd && current.state === 'canceling') {
        return { event: { type: 'cancel_withdrawn' }, extra };
      }
      return { event: { type: 'payment_succeeded', periodEnd }, extra };
    });
    // A member on a tier who is now on another: one change, however many events Stripe sends for it.
    return settled.outcome === 'applied' && tier && before.tier && before.tier !== tier.slug
      ? { ...settled, tierChange: { from: before.tier, to: tier.slug } }
      : settled;
  }
}
