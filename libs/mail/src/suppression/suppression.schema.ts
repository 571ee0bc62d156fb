import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const SUPPRESSION_REASONS = ['bounced', 'opted_out'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * An address bulk mail (survey invitations and reminders) no longer goes to: it bounced (a 5xx
 * refusal) or its owner opted out. `_id` is the lower-cased address, so a check is one `_id` read and
 * a batch's check one `$in` on this small collection.
 */
@Schema({ collection: 'mail_suppressions', versionKey: false })
export class MailSuppression {
  @Prop({ type: String }) _id: string;
  @Prop({ type: String, enum: SUPPRESSION_REASONS, required: true }) reason: SuppressionReason;
  /** The relay's reply for a bounce; empty for an opt-out. */
  @Prop({ default: '' }) detail: string;
  @Prop({ type: Date, default: () => new Date() }) at: Date;
}
export const MailSuppressionSchema = SchemaFactory.createForClass(MailSuppression);

/**
 * An unsubscribe link: `_id` is the SHA-256 of its token (the token is only in the email), so the
 * link page is one `_id` read and a leaked database holds no usable link.
 */
@Schema({ collection: 'mail_unsubscribe_links', versionKey: false })
export class UnsubscribeLink {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) email: string;
  /** What the mail was about ("survey invitations"), shown on the confirm page. */
  @Prop({ default: '' }) topic: string;
  @Prop({ type: Date, default: () => new Date() }) createdAt: Date;
}
export const UnsubscribeLinkSchema = SchemaFactory.createForClass(UnsubscribeLink);
