import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsModule } from '@roundtable/jobs';
import { MembersModule } from '@roundtable/members';
import { AudienceReader } from './definition/audience.service';
import { Survey, SurveySchema } from './definition/survey.schema';
import { SurveyRepository } from './definition/survey.repository';
import { SurveyInvitation, SurveyInvitationSchema } from './invitations/invitation.schema';
import { InvitationRepository } from './invitations/invitation.repository';
import {
  SurveyLink,
  SurveyLinkRequest,
  SurveyLinkRequestSchema,
  SurveyLinkSchema,
  SurveyMilestoneRecord,
  SurveyMilestoneSchema,
} from './links/link.schema';
import { LinkRepository, LinkRequestRepository, MilestoneRepository } from './links/link.repository';
import { SurveyResponse, SurveyResponseSchema } from './responses/response.schema';
import { ResponseRepository } from './responses/response.repository';
import { SurveyProgressHook } from './responses/survey-progress.hook';
import { SurveyLinkResendHook } from './links/link-resend.hook';
import { LinkRequestJob } from './links/link-request.job';
import { SurveyClosedHook } from './definition/survey-closed.hook';
import { PortalSurveys } from './portal/portal-surveys.service';

const repositories = [
  SurveyRepository,
  InvitationRepository,
  LinkRepository,
  MilestoneRepository,
  LinkRequestRepository,
  ResponseRepository,
  SurveyProgressHook,
  SurveyLinkResendHook,
  SurveyClosedHook,
  AudienceReader,
  // A member's open surveys: the portal's list page and the portal's home both show it.
  PortalSurveys,
];

/**
 * The survey collections and their repositories, for the api and the worker alike (distribution,
 * reminders, rankings build on these), and the job behind "send me a new link". The pages live in
 * SurveysModule.
 */
@Module({
  imports: [
    MembersModule,
    JobsModule,
    MongooseModule.forFeature([
      { name: Survey.name, schema: SurveySchema },
      { name: SurveyInvitation.name, schema: SurveyInvitationSchema },
      { name: SurveyLink.name, schema: SurveyLinkSchema },
      { name: SurveyMilestoneRecord.name, schema: SurveyMilestoneSchema },
      { name: SurveyLinkRequest.name, schema: SurveyLinkRequestSchema },
      { name: SurveyResponse.name, schema: SurveyResponseSchema },
    ]),
  ],
  // The link request job runs wherever the data module is (the worker takes it; tests run it in the api).
  providers: [...repositories, LinkRequestJob],
  exports: repositories,
})
export class SurveysDataModule {}
