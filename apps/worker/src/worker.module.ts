import { Module } from '@nestjs/common';
import { AdminWorkerModule } from '@roundtable/admin';
import { BillingWorkerModule } from '@roundtable/billing';
import { BlogWorkerModule } from '@roundtable/blog';
import { CoreModule } from '@roundtable/core';
import { DistributionModule } from '@roundtable/distribution';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { ReportingWorkerModule } from '@roundtable/reporting';
import { RosterWorkerModule } from '@roundtable/roster';
import { SurveysDataModule } from '@roundtable/surveys';

/** The background app: takes queued jobs (email, schedules, rankings, billing reconcile). Wiring only. */
@Module({
  imports: [
    CoreModule,
    JobsModule,
    MailModule,
    MembersModule,
    BillingWorkerModule,
    BlogWorkerModule,
    AdminWorkerModule,
    SurveysDataModule,
    ReportingWorkerModule,
    DistributionModule,
    RosterWorkerModule,
  ],
})
export class WorkerModule {}
