import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The company attributes a census cuts by (the members' profile vocabulary, plus region). */
export const TENURE_ATTRIBUTES = ['revenueBand', 'businessModel', 'industry', 'region', 'ccoModel'] as const;
export type TenureAttribute = (typeof TENURE_ATTRIBUTES)[number];

/**
 * One person in the role at one company, from `start` to `end` (null while in the role). Dates are
 * calendar dates kept as `YYYY-MM-DD` text, which sorts and compares as dates. The roster is staff's
 * research asset: most people on it are not members (`memberId` links those who are).
 */
@Schema({ collection: 'roster_tenures', versionKey: false })
export class Tenure {
  /** The stable id an import or export carries (given, or this tenure's own `_id` as text). */
  @Prop({ required: true }) externalId: string;
  @Prop({ required: true, trim: true }) person: string;
  /** Who the person is across tenures: the normalised name (names.ts). */
  @Prop({ required: true }) personKey: string;
  @Prop({ required: true, trim: true }) company: string;
  /** The company's key for reference lists: its given id, else its normalised name. */
  @Prop({ required: true }) companyKey: string;
  @Prop({ type: String, default: null }) companyId: string | null;
  @Prop({ default: '' }) title: string;
  @Prop({ required: true }) start: string;
  @Prop({ type: String, default: null }) end: string | null;
  @Prop({ type: String, default: null }) revenueBand: string | null;
  @Prop({ type: String, default: null }) businessModel: string | null;
  @Prop({ type: String, default: null }) industry: string | null;
  @Prop({ type: String, default: null }) region: string | null;
  @Prop({ type: String, default: null }) ccoModel: string | null;
  /** Where the tenure comes from: a URL or a note. */
  @Prop({ default: '' }) source: string;
  @Prop({ type: String, default: null }) memberId: string | null;
  @Prop({ type: Date, required: true }) updatedAt: Date;
}
export const TenureSchema = SchemaFactory.createForClass(Tenure);
// An import's or the form's lookup by stable id, and one tenure per id.
TenureSchema.index({ externalId: 1 }, { unique: true });
// An import row without an id finds its tenure by person + company + start; one tenure per such triple.
// Its prefix serves a member's profile change looking for the member's unlinked tenures by name.
TenureSchema.index({ personKey: 1, companyKey: 1, start: 1 }, { unique: true });
// The roster list's pages filtered by company (its key), newest start first.
TenureSchema.index({ companyKey: 1, start: -1, _id: -1 });
// The roster list's unfiltered pages, newest start first.
TenureSchema.index({ start: -1, _id: -1 });
// A member's profile change finds the member's open tenures.
TenureSchema.index({ memberId: 1 });
