import { Module, OnModuleInit } from '@nestjs/common';
import { NavigationRegistry } from '@roundtable/core';
import { CompletionListener } from './compute/completion-listener.service';
import { AdminReportsController } from './console/admin-reports.controller';
import { ReportAdmin } from './console/report-admin.service';
import { ReportApi } from './console/report-api.service';
import { ReportPages } from './console/report-pages.service';
import { ReportsApiController } from './console/reports-api.controller';
import { ReportingDataModule } from './reporting-data.module';
import { REPORTING_NAVIGATION } from './reporting.navigation';

/**
 * Reporting in the HTTP app: completions ask for recomputation; the console, its JSON tables and the
 * members' reports read snapshots (no page computes a ranking or reads the responses).
 */
@Module({
  imports: [ReportingDataModule],
  controllers: [AdminReportsController, ReportsApiController],
  providers: [CompletionListener, ReportPages, ReportAdmin, ReportApi],
  exports: [ReportingDataModule],
})
export class ReportingModule implements OnModuleInit {
  constructor(private readonly navigation: NavigationRegistry) {}

  onModuleInit(): void {
    this.navigation.register(REPORTING_NAVIGATION);
  }
}
