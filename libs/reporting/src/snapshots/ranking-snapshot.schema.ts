import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { RankingResult } from '@roundtable/rankings';
import type { WaveTrends } from '../trends/wave-trends';

export const SNAPSHOT_TRIGGERS = ['completions', 'close', 'demand', 'seed'] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

/**
 * One computed result of one survey: the method, parameters and seed (inside `result`), the input
 * counts and a fingerprint of the input, so the same inputs always give the same numbers and anyone
 * can recompute them (`npm run rank` on the export). `_id` is `<surveyId>:<version>`: two workers
 * computing at once cannot both write version n (the unique insert decides).
 */
@Schema({ collection: 'ranking_snapshots', versionKey: false })
export class RankingSnapshot {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  @Prop({ required: true }) version: number;
  @Prop({ type: Date, required: true }) computedAt: Date;
  @Prop({ type: String, required: true }) trigger: SnapshotTrigger;
  /** Computed after the survey closed: the numbers will not change. */
  @Prop({ default: false }) final: boolean;
  /** sha256 of the exchange document computed (items, responses, invited, options). */
  @Prop({ required: true }) fingerprint: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) result: RankingResult;
  /** Invitations, bounced and partial responses as counted at computation. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) counts: {
    invited: number;
    bounced: number;
    partial: number;
  };
  /** Completed responses per day (UTC), cumulative. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: [] }) progress: { date: string; completed: number }[];
  /** Profile attributes of the survey (the order of tabs), the tier last. */
  @Prop({ type: [String], default: [] }) attributes: string[];
  @Prop({ default: 0 }) computeMs: number;
  /** When the survey is a wave of earlier ones: every wave's ranks and each pair compared. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) trends?: WaveTrends | null;
}
export const RankingSnapshotSchema = SchemaFactory.createForClass(RankingSnapshot);
// No secondary index: snapshots are read by `_id` (the survey's state names the latest and the published one).

/**
 * A survey's computed state, one small document per survey read by `_id`: which snapshot is the
 * latest. Only the ranking job writes it. Which snapshot staff published lives in ranking_publications:
 * FerretDB v1 writes a document back whole on every update, so a publication and a computation
 * finishing at the same moment on one document lost one of the two (docs/storage.md).
 */
@Schema({ collection: 'ranking_states', versionKey: false })
export class RankingComputedState {
  /** The survey id. */
  @Prop({ type: String }) _id: string;
  @Prop({ default: 0 }) latestVersion: number;
  @Prop({ type: Date, default: null }) computedAt: Date | null;
  /** Read once, by the start-up move into ranking_publications: where publications were kept before. */
  @Prop({ type: Number, default: null }) publishedVersion?: number | null;
  @Prop({ type: Date, default: null }) publishedAt?: Date | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) publishedSummary?: PublishedSummary | null;
}
export const RankingComputedStateSchema = SchemaFactory.createForClass(RankingComputedState);
// No secondary index: read by `_id`; the start-up move scans it once (one document per survey).

/** Which snapshot of a survey staff published as the members' report; only staff's actions write it. */
@Schema({ collection: 'ranking_publications', versionKey: false })
export class RankingPublication {
  /** The survey id. */
  @Prop({ type: String }) _id: string;
  @Prop({ type: Number, default: null }) publishedVersion: number | null;
  @Prop({ type: Date, default: null }) publishedAt: Date | null;
  /** The published report's summary for the home page and blog (title, top items, respondents). */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null }) publishedSummary: PublishedSummary | null;
}
export const RankingPublicationSchema = SchemaFactory.createForClass(RankingPublication);
// The home page's "Latest research" block: the newest published report.
RankingPublicationSchema.index({ publishedAt: -1 });

/** A survey's reporting state as readers see it: the computed state and the publication together. */
export type RankingState = Pick<RankingComputedState, '_id' | 'latestVersion' | 'computedAt'> &
  Omit<RankingPublication, '_id'>;

export interface PublishedSummary {
  surveyId: string;
  title: string;
  respondents: number;
  /** The result's min_cell: with fewer respondents, nothing of it is shown (summaries before it: 5). */
  minCell?: number;
  responseRate: number | null;
  /** The items ranked within the top k, ties at the k-th included, in rank order. */
  top: string[];
  /** Their rank labels ("2", "=6"), aligned with `top` (summaries before it have none). */
  topRanks?: string[];
  skews: string[];
}

/**
 * A request to recompute, decided by a unique insert: `_id` names the survey and the minute (or the
 * close), so a burst of completions in one minute queues one computation.
 */
@Schema({ collection: 'ranking_requests', versionKey: false })
export class RankingRequest {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) surveyId: string;
  /** The close request must outlive the clean-up (it stops a second close job being booked). */
  @Prop({ type: String, required: true }) trigger: SnapshotTrigger;
  @Prop({ type: Date, required: true }) createdAt: Date;
}
export const RankingRequestSchema = SchemaFactory.createForClass(RankingRequest);
// The job's clean-up of a survey's old requests.
RankingRequestSchema.index({ surveyId: 1, createdAt: 1 });
