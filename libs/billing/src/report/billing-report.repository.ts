import { Injectable } from '@nestjs/common';
import { InjectModel, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Model, Schema as MongooseSchema } from 'mongoose';
import type { BillingReport } from './billing-report';

/** The admin billing numbers as the worker last computed them: one document, replaced each run. */
@Schema({ collection: 'billing_reports' })
export class BillingReportSnapshot {
  @Prop({ type: String }) _id: string;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) report: BillingReport;
  @Prop({ type: Date, required: true }) computedAt: Date;
}
export const BillingReportSnapshotSchema = SchemaFactory.createForClass(BillingReportSnapshot);

const CURRENT = 'current';

/** The only code that touches the billing_reports collection (read by _id, no other index needed). */
@Injectable()
export class BillingReportRepository {
  constructor(@InjectModel(BillingReportSnapshot.name) private readonly reports: Model<BillingReportSnapshot>) {}

  async save(report: BillingReport, computedAt: Date): Promise<void> {
    await this.reports.updateOne({ _id: CURRENT }, { $set: { report, computedAt } }, { upsert: true });
  }

  findCurrent(): Promise<BillingReportSnapshot | null> {
    return this.reports.findById(CURRENT).lean<BillingReportSnapshot>();
  }
}
