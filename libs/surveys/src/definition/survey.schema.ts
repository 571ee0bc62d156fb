import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** One candidate accountability. `key` is stable (answers store keys); `label` is what people read. */
@Schema({ _id: false })
export class SurveyItem {
  @Prop({ required: true }) key: string;
  @Prop({ required: true }) label: string;
}
const SurveyItemSchema = SchemaFactory.createForClass(SurveyItem);

/**
 * Profile values an audience is narrowed to; an empty or missing list means "any". The names are the
 * contract's (revenue, business, industry, ccoModel); the member profile's fields are revenueBand,
 * businessModel, industry and ccoModel (see AUDIENCE_PROFILE_FIELDS).
 */
@Schema({ _id: false })
export class AudienceFilters {
  @Prop({ type: [String], default: undefined }) revenue?: string[];
  @Prop({ type: [String], default: undefined }) business?: string[];
  @Prop({ type: [String], default: undefined }) industry?: string[];
  @Prop({ type: [String], default: undefined }) ccoModel?: string[];
}
const AudienceFiltersSchema = SchemaFactory.createForClass(AudienceFilters);

/** Who is invited: active members of these tiers (none listed = every tier) matching the filters. */
@Schema({ _id: false })
export class SurveyAudience {
  @Prop({ type: [String], default: [] }) tiers: string[];
  @Prop({ type: AudienceFiltersSchema, default: () => ({}) }) filters: AudienceFilters;
}
const SurveyAudienceSchema = SchemaFactory.createForClass(SurveyAudience);

/**
 * A research survey as staff define it. Once `sentAt` is set (distribution started) the definition is
 * locked: items cannot change under answers. The two core questions ("which of these are yours today",
 * "rank the ones you hold") are fixed and not stored.
 */
@Schema({ collection: 'surveys', timestamps: true })
export class Survey {
  @Prop({ required: true, trim: true }) title: string;
  @Prop({ default: '' }) intro: string;
  /** In display order; labels are unique within a survey. */
  @Prop({ type: [SurveyItemSchema], default: [] }) items: SurveyItem[];
  /** Member profile attributes asked, prefilled from the member's profile (PROFILE_QUESTIONS keys). */
  @Prop({ type: [String], default: [] }) profileQuestions: string[];
  @Prop({ type: SurveyAudienceSchema, default: () => ({}) }) audience: SurveyAudience;
  @Prop({ type: Date, default: null }) opensAt: Date | null;
  @Prop({ type: Date, default: null }) closesAt: Date | null;
  /** When reminders go to those who have not completed; ascending. */
  @Prop({ type: [Date], default: [] }) reminders: Date[];
  @Prop({ type: String, enum: SURVEY_STATUSES, default: 'draft' }) status: SurveyStatus;
  /** Set by distribution when sending starts; from then on the definition is locked. */
  @Prop({ type: Date, default: null }) sentAt: Date | null;
  @Prop({ type: Date, default: null }) closedAt: Date | null;
  /** The survey this one was duplicated from (next year's edition of the same research). */
  @Prop({ type: Types.ObjectId, default: null }) copiedFrom: Types.ObjectId | null;
  /**
   * The earlier wave this survey repeats (docs/research.md, "Waves"): its items keep their keys, so
   * the console compares the two. Null for a survey that is not a wave of another.
   */
  @Prop({ type: Types.ObjectId, default: null }) waveOf: Types.ObjectId | null;
  /** Item keys used by earlier waves: a new item never takes a retired item's key. */
  @Prop({ type: [String], default: [] }) earlierItemKeys: string[];

  createdAt: Date;
  updatedAt: Date;
}
export const SurveySchema = SchemaFactory.createForClass(Survey);

// The portal's open surveys and the worker's schedule (open surveys past closesAt): status, then date.
SurveySchema.index({ status: 1, closesAt: 1 });
// The worker's schedule: drafts that were sent and whose opensAt has come.
SurveySchema.index({ status: 1, opensAt: 1 });
