/** @roundtable/billing: membership tiers, Stripe Checkout and Portal, webhooks, the membership state machine. */
export { BillingModule, BillingWorkerModule } from './billing.module';
export { BillingEnvironmentVariables, billingConfig } from './billing.config';
export { TierRepository, DEFAULT_TIERS, seedDefaultTiers, type TierRecord } from './tiers/tier.repository';
export { ENTITLEMENTS, type Entitlement } from './tiers/tier.schema';
export { ENTITLEMENT_LABELS, tierView } from './tiers/tier-view';
export { MembershipSweep, SWEEP_JOB } from './memberships/sweep.service';
export { BillingReporter } from './report/billing-reporter.service';
export { BillingOverview, type BillingOverviewData } from './report/billing-overview.service';
export type { BillingReport } from './report/billing-report';
export { TierSummaries, TIER_CHANGED_JOB } from './tiers/tier-summaries.service';
export { MembershipService } from './memberships/membership.service';
export {
  transition,
  grantsEntitlements,
  MEMBERSHIP_STATES,
  type MembershipState,
} from './memberships/membership-state';
export { formatMoney, monthlyRecurringCents } from './money';
export { BillingErasure } from './memberships/billing-erasure.service';
