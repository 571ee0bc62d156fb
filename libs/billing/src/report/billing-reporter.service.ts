import { Injectable } from '@nestjs/common';
import { billingReport, ReportMembership } from './billing-report';
import { BillingReportRepository } from './billing-report.repository';
import { MembershipRecord, MembershipRepository } from '../memberships/membership.repository';
import { TierRepository } from '../tiers/tier.repository';

/**
 * Computes the admin billing report from every membership and stores it as a snapshot. Runs in the
 * worker (with each sweep), never on a request: streaming a growing collection is too slow for a
 * page on FerretDB, and the numbers are computed in code ($group gives only its first accumulator).
 */
@Injectable()
export class BillingReporter {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly tiers: TierRepository,
    private readonly reports: BillingReportRepository,
  ) {}

  async refresh(now: Date): Promise<void> {
    const rows: ReportMembership[] = [];
    for await (const membership of this.memberships.cursor() as AsyncIterable<MembershipRecord>) {
      rows.push({
        tier: membership.tier,
        state: membership.state,
        activatedAt: membership.activatedAt,
        endedAt: membership.endedAt,
      });
    }
    await this.reports.save(billingReport(rows, await this.tiers.listAll(), now), now);
  }
}
