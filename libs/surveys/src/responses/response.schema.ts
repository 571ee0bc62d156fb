import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

export const RESPONSE_STATUSES = ['partial', 'completed'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/**
 * A member's answers to one survey. `_id` is the invitation id: one response per invitation, decided by
 * the unique `_id`. It carries no token and no name (the invitation links it to the member).
 */
@Schema({ collection: 'survey_responses', versionKey: false })
export class SurveyResponse {
  /** The invitation id `<surveyId>:<memberId>`. */
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  /** Item keys the member holds, highest priority first (a partial response may be unranked yet). */
  @Prop({ type: [String], default: [] }) held: string[];
  /**
   * How many of `held`, from the front, the member has ranked (a partial response may be part-ranked;
   * a completed one is fully ranked, so this equals held.length). Lets the page show what was ranked.
   */
  @Prop({ type: Number, default: 0 }) ranked: number;
  /** Answers to the survey's profile questions: attribute → value. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} }) profile: Record<string, string>;
  @Prop({ type: String, enum: RESPONSE_STATUSES, default: 'partial' }) status: ResponseStatus;
  @Prop({ type: Date, required: true }) startedAt: Date;
  @Prop({ type: Date, default: null }) completedAt: Date | null;
  @Prop({ type: Date, required: true }) updatedAt: Date;
}
export const SurveyResponseSchema = SchemaFactory.createForClass(SurveyResponse);

// Rankings and the CSV export stream a survey's responses by _id range (worker and export only).
SurveyResponseSchema.index({ surveyId: 1, _id: 1 });
