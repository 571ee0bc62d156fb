/**
 * @roundtable/surveys: research surveys. The data contract (schemas + repositories) that distribution
 * and rankings build on, staff's definition pages, the response page /s/<token> and the portal's list.
 */
export { SurveysModule } from './surveys.module';
export { SurveysDataModule } from './surveys-data.module';
export {
  Survey,
  SurveyItem,
  SurveyAudience,
  AudienceFilters,
  SURVEY_STATUSES,
  type SurveyStatus,
} from './definition/survey.schema';
export {
  SurveyRepository,
  SURVEYS_VERSION,
  type SurveyRecord,
  type SurveyDefinitionFields,
} from './definition/survey.repository';
export {
  DEFAULT_ACCOUNTABILITIES,
  PROFILE_QUESTIONS,
  AUDIENCE_PROFILE_FIELDS,
  profileQuestion,
  prefillProfileAnswer,
  type ProfileQuestion,
} from './definition/defaults';
export {
  SurveyInvitation,
  INVITATION_STATUSES,
  invitationId,
  type InvitationStatus,
} from './invitations/invitation.schema';
export {
  InvitationRepository,
  type InvitationRecord,
  type NewInvitation,
  type RankingInvitationRow,
} from './invitations/invitation.repository';
export {
  SurveyLink,
  SurveyLinkRequest,
  SurveyMilestoneRecord,
  SURVEY_MILESTONES,
  type SurveyMilestone,
} from './links/link.schema';
export { LinkRepository, LinkRequestRepository, MilestoneRepository, type LinkRecord } from './links/link.repository';
export { SurveyResponse, RESPONSE_STATUSES, type ResponseStatus } from './responses/response.schema';
export {
  ResponseRepository,
  type ResponseRecord,
  type ResponseAnswers,
  type RankingResponseRow,
} from './responses/response.repository';
export {
  SurveyProgressHook,
  type SurveyProgressEvent,
  type SurveyProgressListener,
} from './responses/survey-progress.hook';
export {
  matchesAudience,
  describeAudience,
  SURVEY_ENTITLEMENT,
  AUDIENCE_MEMBERSHIP_STATES,
  type AudienceCandidate,
} from './definition/audience';
export { AudienceReader } from './definition/audience.service';
export { problemsBeforeSending } from './definition/survey-form';
export { checkSurveyDefinition, type SurveyDefinitionCheck } from './definition/check-definition';
export { MAX_TITLE } from './definition/survey-definition.dto';
export { SurveyLinkResendHook, type LinkResender } from './links/link-resend.hook';
export { SurveyClosedHook, type SurveyClosedListener } from './definition/survey-closed.hook';
export { SurveyCache } from './definition/survey-cache';
export { PortalSurveys } from './portal/portal-surveys.service';
