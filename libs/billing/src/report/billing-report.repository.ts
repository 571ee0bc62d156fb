import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { BillingReport } from './billing-report';
import { BillingReportSnapshot } from './billing-report.schema';
import { upsertRacing } from '@roundtable/core';

const CURRENT = 'current';

/** The only code that touches the billing_reports collection (read by _id, no other index needed). */
@Injectable()
export class BillingReportRepository {
  constructor(@InjectModel(BillingReportSnapshot.name) private readonly reports: Model<BillingReportSnapshot>) {}

  async save(report: BillingReport, computedAt: Date): Promise<void> {
    await upsertRacing(() =>
      this.reports.updateOne({ _id: CURRENT }, { $set: { report, computedAt } }, { upsert: true }),
    );
  }

  findCurrent(): Promise<BillingReportSnapshot | null> {
    return this.reports.findById(CURRENT).lean<BillingReportSnapshot>();
  }
}
