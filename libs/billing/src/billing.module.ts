import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { AdminBillingController } from './admin-billing.controller';
import { billingConfig } from './billing.config';
import { BillingEventRepository } from './billing-event.repository';
import {
  BillingReportRepository,
  BillingReportSnapshot,
  BillingReportSnapshotSchema,
} from './billing-report.repository';
import { BillingReporter } from './billing-reporter.service';
import { BillingEvent, BillingEventSchema } from './billing-event.schema';
import { BillingPages } from './billing-pages.service';
import { CheckoutService } from './checkout.service';
import { MembershipController } from './membership.controller';
import { MembershipLock, MembershipLockRepository, MembershipLockSchema } from './membership-lock.repository';
import { MembershipRepository } from './membership.repository';
import { Membership, MembershipSchema } from './membership.schema';
import { MembershipService } from './membership.service';
import { stripeProvider } from './stripe.provider';
import { MembershipSweep } from './sweep.service';
import { TierAdmin } from './tier-admin.service';
import { TierSummaries } from './tier-summaries.service';
import { TierRepository } from './tier.repository';
import { Tier, TierSchema } from './tier.schema';
import { WebhookController } from './webhook.controller';
import { WebhookService } from './webhook.service';

const persistence = MongooseModule.forFeature([
  { name: Tier.name, schema: TierSchema },
  { name: Membership.name, schema: MembershipSchema },
  { name: BillingEvent.name, schema: BillingEventSchema },
  { name: BillingReportSnapshot.name, schema: BillingReportSnapshotSchema },
  { name: MembershipLock.name, schema: MembershipLockSchema },
]);
const core = [
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
  providers: [...core, CheckoutService, WebhookService, BillingPages, TierAdmin],
  exports: [TierRepository],
})
export class BillingModule {}

/**
 * The worker's part of billing: the sweep job that lapses and ends memberships and refreshes the
 * report, and the job that carries an edited tier's entitlements to its members.
 */
@Module({
  imports: [ConfigModule.forFeature(billingConfig), persistence, MembersModule, MailModule, JobsModule],
  providers: [...core, BillingReporter, MembershipSweep, TierSummaries],
  exports: [MembershipSweep, TierRepository],
})
export class BillingWorkerModule {}
