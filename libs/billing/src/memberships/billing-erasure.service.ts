import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { STRIPE } from '../stripe.provider';
import { BillingEventRepository } from '../webhooks/billing-event.repository';
import { MembershipRepository } from './membership.repository';

/** Billing's part of erasing a member: the Stripe customer, the membership, the events' link to them. */
@Injectable()
export class BillingErasure {
  constructor(
    @Inject(STRIPE) private readonly stripe: Stripe,
    private readonly memberships: MembershipRepository,
    private readonly events: BillingEventRepository,
  ) {}

  /**
   * Deletes the Stripe customer first: if Stripe fails, nothing of ours is gone yet and staff can
   * confirm again. A customer Stripe no longer has is already what we want.
   */
  async eraseMember(memberId: string): Promise<void> {
    const membership = await this.memberships.findByMember(memberId);
    if (membership?.stripeCustomerId) {
      try {
        await this.stripe.customers.del(membership.stripeCustomerId);
      } catch (error) {
        if ((error as { code?: string }).code !== 'resource_missing') {
          throw error;
        }
      }
    }
    await this.memberships.eraseMember(memberId);
    await this.events.eraseMember(memberId);
  }
}
