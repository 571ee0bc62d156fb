import { Module, OnModuleInit } from '@nestjs/common';
import { AuthModule } from '@roundtable/auth';
import { BillingModule } from '@roundtable/billing';
import { NavigationRegistry } from '@roundtable/core';
import { JobsModule } from '@roundtable/jobs';
import { MembersModule } from '@roundtable/members';
import { SurveyAdminController } from './definition/survey-admin.controller';
import { SurveyAdmin } from './definition/survey-admin.service';
import { SurveyCache } from './definition/survey-cache';
import { LinkRequests } from './links/link-requests.service';
import { PortalSurveysController } from './portal/portal-surveys.controller';
import { ResponseController } from './responses/response.controller';
import { KeptLinkViews } from './responses/kept-link-views';
import { LinkPageReadsCache } from './responses/link-page-reads';
import { ResponsePages } from './responses/response-pages.service';
import { SurveysDataModule } from './surveys-data.module';
import { SURVEYS_NAVIGATION } from './surveys.navigation';

/** The survey pages of the HTTP app: staff's definition pages, the response page /s/<token>, the portal's list. */
@Module({
  imports: [SurveysDataModule, MembersModule, BillingModule, AuthModule, JobsModule],
  controllers: [SurveyAdminController, ResponseController, PortalSurveysController],
  providers: [
    SurveyAdmin,
    SurveyCache,
    ResponsePages,
    LinkRequests,
    KeptLinkViews,
    // One per process, shared by the response page and the early answer (not a Nest-made class: ttl).
    { provide: LinkPageReadsCache, useFactory: () => new LinkPageReadsCache() },
  ],
  exports: [SurveysDataModule, SurveyCache],
})
export class SurveysModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(SURVEYS_NAVIGATION);
  }
}
