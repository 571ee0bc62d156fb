import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/**
 * One email of a survey handed to the relay (or refused by it): `_id` is
 * `<invitationId>:<kind>` (`invite`, `reminder:<round>`, `resend:<n>`, `asked:<n>`). Inserted right after the
 * relay's answer, so a batch taken over after a crash skips what was already sent. It is the truth of
 * "this invitation was sent" (the invitation's status stays `queued`; see SurveyInvitation.status).
 * Written per email (an insert is cheap); read by a batch that runs again (one `$in` per batch) and
 * by the reconcile (one cursor per survey).
 */
@Schema({ collection: 'survey_deliveries', versionKey: false })
export class SurveyDelivery {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  @Prop({ type: String, enum: ['sent', 'bounced', 'suppressed', 'failed'], required: true }) outcome: string;
  @Prop({ type: Date, default: () => new Date() }) at: Date;
}
export const SurveyDeliverySchema = SchemaFactory.createForClass(SurveyDelivery);
// No secondary index: deliveries are read by `_id` (a batch's `$in`) and, every ten minutes, by
// `surveyId` (FerretDB v1 would scan either way; MongoDB scans too, off the request path).

/** A segment's figures as the reconcile job last counted them. */
@Schema({ _id: false })
export class SegmentFigures {
  @Prop({ required: true }) dimension: string;
  @Prop({ required: true }) value: string;
  @Prop({ required: true }) invited: number;
  @Prop({ required: true }) completed: number;
}
const SegmentFiguresSchema = SchemaFactory.createForClass(SegmentFigures);

/**
 * What the worker's reconcile last computed for a survey (`_id` the survey id): response rates by
 * segment, which no request computes (they need the invitations and responses streamed).
 */
@Schema({ collection: 'survey_progress', versionKey: false })
export class SurveyProgressSnapshot {
  @Prop({ type: String }) _id: string;
  @Prop({ type: [SegmentFiguresSchema], default: [] }) segments: SegmentFigures[];
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} }) recount: Record<string, number>;
  @Prop({ type: Date, required: true }) at: Date;
}
export const SurveyProgressSnapshotSchema = SchemaFactory.createForClass(SurveyProgressSnapshot);
