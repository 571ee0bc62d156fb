import { Module, OnModuleInit } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { NavigationRegistry } from '@roundtable/core';
import { AdminBillingController } from './report/admin-billing.controller';
import { billingConfig } from './billing.config';
import { BILLING_NAVIGATION } from './billing.navigation';
import { BillingEventRepository } from './webhooks/billing-event.repository';
import { BillingReportRepository } from './report/billing-report.repository';
import { BillingReportSnapshot, BillingReportSnapshotSchema } from './report/billing-report.schema';
import { BillingOverview } from './report/billing-overview.service';
import { BillingReporter } from './report/billing-reporter.service';
import { BillingEvent, BillingEventSchema } from './webhooks/billing-event.schema';
import { BillingPages } from './report/billing-pages.service';
import { CheckoutService } from './checkout/checkout.service';
import { MembershipController } from './checkout/membership.controller';
import { MembershipLockRepository } from './memberships/membership-lock.repository';
import { MembershipLock, MembershipLockSchema } from './memberships/membership-lock.schema';
import { MembershipRepository } from './memberships/membership.repository';
import { Membership, MembershipSchema } from './memberships/membership.schema';
import { MembershipService } from './memberships/membership.service';
import { stripeProvider } from './stripe.provider';
import { MembershipSweep } from './memberships/sweep.service';
import { TierAdmin } from './tiers/tier-admin.service';
import { TierSummaries } from './tiers/tier-summaries.service';
import { TierRepository } from './tiers/tier.repository';
import { Tier, TierSchema } from './tiers/tier.schema';
import { WebhookController } from './webhooks/webhook.controller';
import { BillingErasure } from './memberships/billing-erasure.service';
import { WebhookService } from './webhooks/webhook.service';

const persistence = MongooseModule.forFeature([
  { name: Tier.name, schema: TierSchema },
  { name: Membership.name, schema: MembershipSchema },
  { name: BillingEvent.name, schema: BillingEventSchema },
  { name: BillingReportSnapshot.name, schema: BillingReportSnapshotSchema },
  { name: MembershipLock.name, schema: MembershipLockSchema },
]);
/** Providers both the API's and the worker's billing modules need. */
const sharedProviders = [
  TierRepository,
  MembershipRepository,
  MembershipLockRepository,
  BillingEventRepository,
  BillingReportRepository,
  MembershipService,
  stripeProvider,
];

/** Tiers, Stripe Checkout and Portal, webhooks, the membership state, and the billing report (API app). */
@Module({
  imports: [ConfigModule.forFeature(billingConfig), persistence, MembersModule, MailModule, JobsModule],
  controllers: [MembershipController, WebhookController, AdminBillingController],
  providers: [...sharedProviders, CheckoutService, WebhookService, BillingPages, TierAdmin, BillingErasure],
  exports: [TierRepository, BillingErasure],
})
export class BillingModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(BILLING_NAVIGATION);
  }
}

/**
 * The worker's part of billing: the sweep job that lapses and ends memberships and refreshes the
 * report, and the job that carries an edited tier's entitlements to its members.
 */
@Module({
  imports: [ConfigModule.forFeature(billingConfig), persistence, MembersModule, MailModule, JobsModule],
  providers: [...sharedProviders, BillingReporter, MembershipSweep, TierSummaries, BillingOverview],
  exports: [MembershipSweep, TierRepository, BillingOverview],
})
export class BillingWorkerModule {}
