import { Module } from '@nestjs/common';
import { BillingWorkerModule } from '@roundtable/billing';
import { CoreModule } from '@roundtable/core';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';

/** The background app: takes queued jobs (email, schedules, rankings, billing reconcile). Wiring only. */
@Module({
  imports: [CoreModule, JobsModule, MailModule, MembersModule, BillingWorkerModule],
})
export class WorkerModule {}
