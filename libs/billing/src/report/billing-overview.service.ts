import { Injectable } from '@nestjs/common';
import { BillingEventRepository } from '../webhooks/billing-event.repository';
import { BillingReportRepository } from './billing-report.repository';
import type { BillingReport } from './billing-report';

/** What other staff pages (the admin home) show of billing: the report snapshot and the latest events. */
export interface BillingOverviewData {
  report: BillingReport | null;
  computedAt: Date | null;
  lastEvents: Array<{ type: string; outcome: string; receivedAt: Date; memberId: string | null }>;
}

/** Billing's figures for the admin home, read by the worker when it refreshes the home's snapshot. */
@Injectable()
export class BillingOverview {
  constructor(
    private readonly reports: BillingReportRepository,
    private readonly events: BillingEventRepository,
  ) {}

  async current(lastEvents = 8): Promise<BillingOverviewData> {
    const snapshot = await this.reports.findCurrent();
    const events = await this.events.recent(lastEvents);
    return {
      report: snapshot?.report ?? null,
      computedAt: snapshot?.computedAt ?? null,
      lastEvents: events.map((event) => ({
        type: event.type,
        outcome: event.outcome,
        receivedAt: event.receivedAt,
        memberId: event.memberId,
      })),
    };
  }
}
