import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One targeted reminder round of a survey ("remind the under-represented"): `_id` is
 * `skew-round:<surveyId>:<n>`, so the insert of round n decides, once, that it runs (two staff
 * confirming the same preview, or one confirming twice, insert one). A guarded update would not do:
 * FerretDB v1 lets concurrent guarded updates all win (docs/storage.md).
 */
@Schema({ collection: 'survey_skew_rounds', versionKey: false })
export class SurveySkewRound {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  @Prop({ required: true }) round: number;
  @Prop({ required: true }) dimension: string;
  @Prop({ type: [String], default: [] }) values: string[];
  @Prop({ required: true }) thresholdPp: number;
  /** Non-responders of the segments when staff confirmed: whom the round emails at most. */
  @Prop({ required: true }) emails: number;
  @Prop({ type: Date, default: () => new Date() }) at: Date;
}
export const SurveySkewRoundSchema = SchemaFactory.createForClass(SurveySkewRound);
SurveySkewRoundSchema.index({ surveyId: 1 });
