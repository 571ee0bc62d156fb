import { Module, OnModuleInit } from '@nestjs/common';
import { BlogModule } from '@roundtable/blog';
import { SkewRoundsDataModule } from '@roundtable/distribution';
import { NavigationRegistry } from '@roundtable/core';
import { CompletionListener } from './compute/completion-listener.service';
import { AdminReportsController } from './console/admin-reports.controller';
import { ReportAdmin } from './console/report-admin.service';
import { ReportApi } from './console/report-api.service';
import { ReportConfirmations } from './console/report-confirmations.service';
import { ReportPages } from './console/report-pages.service';
import { KeptResultsReads } from './console/kept-results-reads';
import { ReportsApiController } from './console/reports-api.controller';
import { PublishedResearchModule } from './published/published-research.module';
import { ReportsController } from './published/reports.controller';
import { ReportingDataModule } from './reporting-data.module';
import { REPORTING_NAVIGATION } from './reporting.navigation';
import { DraftPostController, FindingCardController } from './findings/findings.controller';
import { Findings } from './findings/findings.service';
import { ReportPdfs } from './findings/report-pdfs.service';
import { TrendsController } from './trends/trends.controller';
import { TrendsPages } from './trends/trends-pages.service';

/**
 * Reporting in the HTTP app: completions ask for recomputation; the console, its JSON tables and the
 * members' reports read snapshots (no page computes a ranking or reads the responses).
 */
@Module({
  imports: [ReportingDataModule, BlogModule, SkewRoundsDataModule, PublishedResearchModule],
  controllers: [
    AdminReportsController,
    TrendsController,
    DraftPostController,
    FindingCardController,
    ReportsApiController,
    ReportsController,
  ],
  providers: [
    CompletionListener,
    ReportPages,
    KeptResultsReads,
    ReportConfirmations,
    TrendsPages,
    Findings,
    ReportPdfs,
    ReportAdmin,
    ReportApi,
  ],
  exports: [ReportingDataModule],
})
export class ReportingModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(REPORTING_NAVIGATION);
  }
}
