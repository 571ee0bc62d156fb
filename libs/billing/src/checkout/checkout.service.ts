import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import Stripe from 'stripe';
import { appConfig, ConflictError, ForbiddenError, FormOutcome, NotFoundError } from '@roundtable/core';
import { billingConfig } from '../billing.config';
import type { SessionMember } from '@roundtable/auth';
import { MembershipRepository } from '../memberships/membership.repository';
import { MembershipService } from '../memberships/membership.service';
import { STRIPE } from '../stripe.provider';
import { TierRepository } from '../tiers/tier.repository';
import { allowFormsToStripe, hostedPageOrigins } from './stripe-csp';

const ALREADY_A_MEMBER = 'You already have a membership. Use “Manage my membership” to change tier or cancel.';

/** Starting Stripe Checkout for a tier, and the Customer Portal for changes and cancellation. */
@Injectable()
export class CheckoutService {
  constructor(
    @Inject(STRIPE) private readonly stripe: Stripe,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(billingConfig.KEY) private readonly billing: ConfigType<typeof billingConfig>,
    private readonly tiers: TierRepository,
    private readonly memberships: MembershipRepository,
    private readonly membershipService: MembershipService,
  ) {}

  /** Returns the Checkout URL to send the member to. */
  /** Sends the member to Checkout for the tier (a 303 to Stripe's page). */
  async startCheckout(member: SessionMember, tierSlug: string): Promise<FormOutcome> {
    if (member.role !== 'member') {
      throw new ForbiddenError(
        'Only approved members can choose a membership. Apply first, and we will email you when you are approved.',
      );
    }
    const tier = await this.tiers.findBySlug(tierSlug);
    if (!tier || !tier.offered) {
      throw new NotFoundError('That membership tier is not offered. Please choose one of the tiers listed.');
    }
    const membership = await this.memberships.getOrCreate(member.id);
    if (['active', 'past_due', 'canceling'].includes(membership.state)) {
      throw new ConflictError(ALREADY_A_MEMBER);
    }
    const customerId = await this.customerFor(member, membership.stripeCustomerId);
    // Under the membership's lock: a payment that landed meanwhile makes this a refused transition.
    const started = await this.membershipService.applyEvent(
      member.id,
      { type: 'checkout_started' },
      { extra: { tier: tier.slug } },
    );
    if (started.outcome !== 'applied') {
      throw new ConflictError(ALREADY_A_MEMBER);
    }
    const session = await this.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customerId,
      client_reference_id: member.id,
      line_items: [{ price: tier.stripePriceId, quantity: 1 }],
      success_url: `${this.app.baseUrl}/membership/welcome?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${this.app.baseUrl}/membership?checkout=cancelled`,
      metadata: { memberId: member.id, tier: tier.slug },
      subscription_data: { metadata: { memberId: member.id, tier: tier.slug } },
      allow_promotion_codes: true,
    });
    if (this.billing.checkoutUrl) {
      return FormOutcome.ok(`${this.billing.checkoutUrl}/${encodeURIComponent(session.id)}`);
    }
    if (!session.url) {
      throw new Error('Stripe returned a Checkout Session without a URL');
    }
    return FormOutcome.ok(session.url);
  }

  /** Returns the Customer Portal URL (upgrade, downgrade, cancel at period end, payment details). */
  /** Sends the member to the Customer Portal (a 303 to Stripe's page). */
  async openPortal(member: SessionMember): Promise<FormOutcome> {
    const membership = await this.memberships.findByMember(member.id);
    if (!membership?.stripeCustomerId) {
      throw new ConflictError('You have no paid membership to manage yet. Choose a tier first.');
    }
    const session = await this.stripe.billingPortal.sessions.create({
      customer: membership.stripeCustomerId,
      return_url: `${this.app.baseUrl}/membership`,
    });
    return FormOutcome.ok(
      this.billing.portalUrl ? `${this.billing.portalUrl}/${encodeURIComponent(session.id)}` : session.url,
    );
  }

  /** The membership page's CSP, its forms allowed to end on the Checkout and portal pages members are sent to. */
  membershipPagePolicy(policy: string): string {
    return allowFormsToStripe(policy, hostedPageOrigins(this.billing));
  }

  /**
   * Where Checkout returns to: the session must be one the member started (Stripe answers for it and
   * names them), so a mistyped, stale or someone else's session id says so instead of thanking them.
   */
  async confirmReturn(member: SessionMember, sessionId: unknown): Promise<{ paid: boolean }> {
    const unknown = new NotFoundError(
      'We have no record of that checkout. If you paid, your membership page shows your membership; ' +
        'otherwise, choose a tier there again.',
    );
    if (typeof sessionId !== 'string' || !/^cs_[A-Za-z0-9_]{1,200}$/.test(sessionId)) {
      throw unknown;
    }
    let session: Stripe.Checkout.Session;
    try {
      session = await this.stripe.checkout.sessions.retrieve(sessionId);
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
        throw unknown;
      }
      throw error;
    }
    if (session.client_reference_id !== member.id) {
      throw unknown;
    }
    return { paid: session.status === 'complete' };
  }

  /** The member's Stripe customer: created once, then reused for every checkout. */
  private async customerFor(member: SessionMember, existing: string | null): Promise<string> {
    if (existing) {
      return existing;
    }
    const customer = await this.stripe.customers.create(
      { email: member.email, name: member.name, metadata: { memberId: member.id } },
      { idempotencyKey: `roundtable-customer-${member.id}` },
    );
    return this.memberships.setCustomerIfMissing(member.id, customer.id);
  }
}
