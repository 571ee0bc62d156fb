import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { BillingReport } from './billing-report';

/** The admin billing numbers as the worker last computed them: one document, replaced each run. */
@Schema({ collection: 'billing_reports' })
export class BillingReportSnapshot {
  @Prop({ type: String }) _id: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) report: BillingReport;
  @Prop({ type: Date, required: true }) computedAt: Date;
}
export const BillingReportSnapshotSchema = SchemaFactory.createForClass(BillingReportSnapshot);
