import { Module } from '@nestjs/common';
import { BillingModule } from '@roundtable/billing';
import { MembersModule } from '@roundtable/members';
import { SurveyAdminController } from './definition/survey-admin.controller';
import { SurveyAdmin } from './definition/survey-admin.service';
import { SurveysDataModule } from './surveys-data.module';

/** The survey pages of the HTTP app: staff's definition pages, the response page /s/<token>, the portal's list. */
@Module({
  imports: [SurveysDataModule, MembersModule, BillingModule],
  controllers: [SurveyAdminController],
  providers: [SurveyAdmin],
  exports: [SurveysDataModule],
})
export class SurveysModule {}
