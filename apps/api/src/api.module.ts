import { Module } from '@nestjs/common';
import { AdminModule } from '@roundtable/admin';
import { AuthModule } from '@roundtable/auth';
import { BillingModule } from '@roundtable/billing';
import { BlogModule } from '@roundtable/blog';
import { CoreModule, HealthModule } from '@roundtable/core';
import { DirectoryModule } from '@roundtable/directory';
import { DistributionModule } from '@roundtable/distribution';
import { JobsModule } from '@roundtable/jobs';
import { MailModule } from '@roundtable/mail';
import { MembersModule } from '@roundtable/members';
import { PortalModule } from '@roundtable/portal';
import { ReportingModule } from '@roundtable/reporting';
import { SurveysModule } from '@roundtable/surveys';
import { RosterModule } from '@roundtable/roster';
import { ResourcesModule } from '@roundtable/resources';
import { SiteModule } from '@roundtable/site';

/** The HTTP app: JSON API under /api and the server-rendered pages. Wiring only. */
@Module({
  imports: [
    CoreModule,
    HealthModule,
    JobsModule,
    MailModule,
    MembersModule,
    AuthModule,
    PortalModule,
    BillingModule,
    BlogModule,
    SurveysModule,
    ReportingModule,
    ResourcesModule,
    DirectoryModule,
    SiteModule,
    DistributionModule,
    AdminModule,
    RosterModule,
  ],
})
export class ApiModule {}
