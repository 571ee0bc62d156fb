import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { CensusResult } from '@roundtable/census';

/** The snapshot pages show by default: the census on the day it was computed. */
export const CURRENT_SNAPSHOT = 'current';
/** A snapshot staff asked for on a chosen census date. */
export const datedSnapshotId = (asOf: string) => `as_of:${asOf}`;

/**
 * One computed census, read by `_id` (pages never compute): the result document of the census
 * exchange format, the survival curve for the chart, and what it was computed from.
 */
@Schema({ collection: 'census_snapshots', versionKey: false })
export class CensusSnapshot {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) asOf: string;
  @Prop({ type: Date, required: true }) computedAt: Date;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) result: CensusResult;
  /** Kaplan–Meier steps: months and S just after each event time. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: [] }) curve: { months: number; share: number }[];
  /** Reference lists' companies that match no company on the roster, by list name. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} }) unmatched: Record<string, string[]>;
  @Prop({ default: 0 }) computeMs: number;
}
export const CensusSnapshotSchema = SchemaFactory.createForClass(CensusSnapshot);
// No secondary index: snapshots are read by `_id` ('current', or 'as_of:<date>').
