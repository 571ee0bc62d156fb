/** @roundtable/billing: membership tiers, Stripe Checkout and Portal, webhooks, the membership state machine. */
export { BillingModule, BillingWorkerModule } from './billing.module';
export { BillingEnvironmentVariables, billingConfig } from './billing.config';
export { TierRepository, DEFAULT_TIERS, seedDefaultTiers, type TierRecord } from './tier.repository';
export { ENTITLEMENTS, type Entitlement } from './tier.schema';
export { MembershipSweep, SWEEP_JOB } from './sweep.service';
export { BillingReporter } from './billing-reporter.service';
export { TierSummaries, TIER_CHANGED_JOB } from './tier-summaries.service';
export { MembershipService } from './membership.service';
export { transition, grantsEntitlements, MEMBERSHIP_STATES, type MembershipState } from './membership-state';
export { formatMoney, monthlyRecurringCents } from './money';
