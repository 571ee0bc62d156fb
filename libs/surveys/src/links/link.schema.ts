import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * A survey link's token, stored only as its SHA-256 hash in `_id`: `/s/<token>` is one `_id` lookup,
 * and a leaked database holds no usable link. Staff's resend inserts a new link and revokes the old
 * ones; a requested link is added beside them. Every link of an invitation answers its one response.
 */
@Schema({ collection: 'survey_links', versionKey: false })
export class SurveyLink {
  /** sha256-hex of the token (hashToken from @roundtable/core). */
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) invitationId: string;
  @Prop({ required: true }) surveyId: string;
  @Prop({ type: Date, default: () => new Date() }) createdAt: Date;
  @Prop({ type: Date, default: null }) revokedAt: Date | null;
  /**
   * Sent because someone asked for a new link (anyone may ask, for any address), so it was added
   * beside the invitation's other links; the first answer saved through it (by whoever reads that
   * mailbox) retires the others, as staff's resend does at once.
   */
  @Prop({ type: Boolean, default: false }) retiresOthersOnUse: boolean;
  /**
   * The invitation's segment values as distribution counts them (`{ tier, revenue }`, from the
   * invitation's snapshot, which never changes), copied when the link is written, so a completion
   * through it bumps its segment figures without reading the invitation. Null on links written before.
   */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) segments: Record<string, string> | null;
}
export const SurveyLinkSchema = SchemaFactory.createForClass(SurveyLink);

// Resend revokes an invitation's earlier links: find them by invitation.
SurveyLinkSchema.index({ invitationId: 1 });

export const SURVEY_MILESTONES = ['opened', 'started', 'completed'] as const;
export type SurveyMilestone = (typeof SURVEY_MILESTONES)[number];

/**
 * The first time an invitation reached a milestone (its link opened, a first answer saved, first
 * completion). `_id` is `<invitationId>:<milestone>`, so the unique insert says who was first and a
 * counter is bumped exactly once per invitation, even with two tabs or two processes at once.
 */
@Schema({ collection: 'survey_milestones', versionKey: false })
export class SurveyMilestoneRecord {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  @Prop({ required: true }) invitationId: string;
  @Prop({ type: String, enum: SURVEY_MILESTONES, required: true }) milestone: SurveyMilestone;
  @Prop({ type: Date, default: () => new Date() }) at: Date;
}
export const SurveyMilestoneSchema = SchemaFactory.createForClass(SurveyMilestoneRecord);

// Reconcile recounts a survey's milestones by survey (worker only, paged by _id).
SurveyMilestoneSchema.index({ surveyId: 1, _id: 1 });

/**
 * A person on a dead link's page asked for a new link. Kept for staff (and for distribution's resend to
 * act on); the address is as typed, lower-cased.
 */
@Schema({ collection: 'survey_link_requests', versionKey: false })
export class SurveyLinkRequest {
  @Prop({ required: true }) email: string;
  /** The survey of the dead link, when the link was known (revoked or closed); null for unknown links. */
  @Prop({ type: String, default: null }) surveyId: string | null;
  @Prop({ type: Date, default: () => new Date() }) requestedAt: Date;
  /** Set when a new link was sent (by distribution's resend) or staff dealt with it. */
  @Prop({ type: Date, default: null }) handledAt: Date | null;
}
export const SurveyLinkRequestSchema = SchemaFactory.createForClass(SurveyLinkRequest);

// Staff's list of unhandled requests, oldest first.
SurveyLinkRequestSchema.index({ handledAt: 1, _id: 1 });
