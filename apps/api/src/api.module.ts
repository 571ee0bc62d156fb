import { Module } from '@nestjs/common';
import { CoreModule, HealthModule } from '@roundtable/core';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';

/** The HTTP app: JSON API under /api and the server-rendered pages. Wiring only. */
@Module({
  imports: [CoreModule, HealthModule, JobsModule, MailModule, MembersModule],
})
export class ApiModule {}
