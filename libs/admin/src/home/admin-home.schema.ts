import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** One event in the home's "last events" list. */
export interface HomeEvent {
  type: string;
  outcome: string;
  receivedAt: Date;
}

/**
 * The admin home's figures as the worker last computed them: one document (`_id: 'home'`), replaced
 * on each run, so the page is one `_id` read however large the council grows.
 */
@Schema({ collection: 'admin_snapshots' })
export class AdminHomeSnapshot {
  @Prop({ type: String }) _id: string;
  @Prop({ type: Date, required: true }) computedAt: Date;
  @Prop({ required: true }) applicationsWaiting: number;
  @Prop({ required: true }) commentsWaiting: number;
  @Prop({ required: true }) deletionRequests: number;
  /** Memberships per state, summed over tiers, from billing's report snapshot. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: {} }) membersByState: Record<string, number>;
  @Prop({ type: MongooseSchema.Types.Mixed, default: [] }) revenue: Array<{
    currency: string;
    mrr: string;
    arr: string;
  }>;
  @Prop({ type: Date, default: null }) billingComputedAt: Date | null;
  @Prop({ type: MongooseSchema.Types.Mixed, default: [] }) lastEvents: HomeEvent[];
}
export const AdminHomeSnapshotSchema = SchemaFactory.createForClass(AdminHomeSnapshot);
