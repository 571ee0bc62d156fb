import { Module, OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CountersModule } from '@roundtable/counters';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { SurveyLinkResendHook, SurveysDataModule } from '@roundtable/surveys';
import { BatchRecipientsRepository } from './delivery/batch-recipients.repository';
import { SendBatchRecipients, SendBatchRecipientsSchema } from './delivery/batch-recipients.schema';
import { DeliveryRepository } from './delivery/delivery.repository';
import {
  SurveyDelivery,
  SurveyDeliverySchema,
  SurveyProgressSnapshot,
  SurveyProgressSnapshotSchema,
} from './delivery/delivery.schema';
import { DistributionController } from './distribution.controller';
import { DistributionService } from './distribution.service';
import { ProgressPages } from './progress/progress-pages.service';
import { SurveyBookkeeping } from './progress/reconcile.service';
import { ResponsesExport } from './progress/responses-export.service';
import { BatchQueue } from './sending/batch-queue';
import { BatchSender } from './sending/batch-sender.service';
import { Distributor } from './sending/distribute.service';
import { Reminders } from './sending/reminders.service';
import { SkewRoundsDataModule } from './targeting/skew-rounds-data.module';
import { SkewReminders } from './targeting/skew-reminders.service';

/**
 * Survey distribution, for the api (staff's console and actions) and the worker (the jobs that
 * write invitations and send them, reminders, the schedule and the reconcile of live figures).
 * On start it registers its resend with surveys' SurveyLinkResendHook, so a dead link's "send me a
 * new link" mails a fresh link (surveys cannot import distribution, which builds on it).
 */
@Module({
  imports: [
    JobsModule,
    MailModule,
    MembersModule,
    CountersModule,
    SurveysDataModule,
    SkewRoundsDataModule,
    MongooseModule.forFeature([
      { name: SurveyDelivery.name, schema: SurveyDeliverySchema },
      { name: SurveyProgressSnapshot.name, schema: SurveyProgressSnapshotSchema },
      { name: SendBatchRecipients.name, schema: SendBatchRecipientsSchema },
    ]),
  ],
  controllers: [DistributionController],
  providers: [
    BatchRecipientsRepository,
    BatchQueue,
    DeliveryRepository,
    DistributionService,
    ProgressPages,
    ResponsesExport,
    SurveyBookkeeping,
    BatchSender,
    Distributor,
    Reminders,
    SkewReminders,
  ],
  exports: [DistributionService, SurveyBookkeeping, Reminders],
})
export class DistributionModule implements OnModuleInit {
  constructor(
    private readonly resendHook: SurveyLinkResendHook,
    private readonly distribution: DistributionService,
  ) {}

  onModuleInit(): void {
    this.resendHook.register((surveyId, email) => this.distribution.resendLink(surveyId, email));
  }
}
