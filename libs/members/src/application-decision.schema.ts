import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Staff's decision on one submission of an application, kept as a record. Its `_id` names the
 * submission (member id and submission time), so the database's unique `_id` admits one decision
 * per submission even when two staff decide at the same instant: FerretDB v1 on SQLite lets
 * concurrent guarded updates all win, while a duplicate insert fails there as on MongoDB.
 */
@Schema({ collection: 'application_decisions', versionKey: false })
export class ApplicationDecision {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  memberId: string;

  @Prop({ type: String, enum: ['approved', 'declined'], required: true })
  status: 'approved' | 'declined';

  /** The staff member who decided. */
  @Prop({ required: true })
  by: string;

  @Prop({ type: String, default: null })
  reason: string | null;

  @Prop({ required: true })
  decidedAt: Date;
}

export const ApplicationDecisionSchema = SchemaFactory.createForClass(ApplicationDecision);
