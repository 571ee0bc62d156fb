import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export const INVITATION_STATUSES = ['queued', 'sent', 'failed', 'bounced', 'opted_out'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** The `_id` of a member's invitation to a survey: exactly one per (survey, member). */
export function invitationId(surveyId: string, memberId: string): string {
  return `${surveyId}:${memberId}`;
}

/**
 * One member invited to one survey. The `_id` names the pair, so the unique insert decides "exactly
 * one invitation per member per survey" on FerretDB as on MongoDB. The profile and tier are a snapshot
 * taken at distribution (skew and segments compare respondents with who was invited).
 */
@Schema({ collection: 'survey_invitations', versionKey: false })
export class SurveyInvitation {
  /** `<surveyId>:<memberId>` (see invitationId()). */
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  @Prop({ required: true }) memberId: string;
  @Prop({ required: true }) email: string;
  @Prop({ required: true }) name: string;
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} }) profile: Record<string, unknown>;
  @Prop({ type: String, default: null }) tier: string | null;
  /**
   * `queued` from the start, and it stays `queued` when the invitation email leaves: whether it was
   * sent is its delivery record (`survey_deliveries`, `_id` `<invitationId>:invite`, outcome `sent`),
   * written per email anyway, so the batch needs no per-invitation write (on FerretDB v1 an UPDATE per
   * document). Written only for the exceptions: `bounced`, `opted_out`, `failed`, and `sent` (with
   * `sentAt`) when a resent link reaches the member afterwards.
   */
  @Prop({ type: String, enum: INVITATION_STATUSES, default: 'queued' }) status: InvitationStatus;
  @Prop({ type: String, default: null }) lastError: string | null;
  /** Set with status `sent` (a resent link delivered); an invitation email's time is its delivery record's `at`. */
  @Prop({ type: Date, default: null }) sentAt: Date | null;
  @Prop({ type: [Date], default: [] }) remindedAt: Date[];
  @Prop({ type: Date, default: () => new Date() }) createdAt: Date;
}
export const SurveyInvitationSchema = SchemaFactory.createForClass(SurveyInvitation);

// A survey's invitations paged by _id range (reminders, progress reconcile, export): `_id > last`.
SurveyInvitationSchema.index({ surveyId: 1, _id: 1 });
// Resend by email address (a member asking for a new link from a dead link's page).
SurveyInvitationSchema.index({ email: 1, surveyId: 1 });
