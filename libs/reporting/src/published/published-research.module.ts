import { Global, Module } from '@nestjs/common';
import { PUBLISHED_REPORTS } from '@roundtable/core';
import { LATEST_RESEARCH } from '@roundtable/site';
import { ReportingDataModule } from '../reporting-data.module';
import { PublishedReports } from './published-reports.service';

/**
 * Published research for features that show it without importing reporting (which imports them):
 * the report a blog post attaches (PUBLISHED_REPORTS, libs/blog) and the home page's "Latest research"
 * (LATEST_RESEARCH, libs/site). Global, so they inject the tokens with `@Optional()`; in an app or a
 * test module without this module (the worker) they do without.
 */
@Global()
@Module({
  imports: [ReportingDataModule],
  providers: [
    PublishedReports,
    { provide: LATEST_RESEARCH, useExisting: PublishedReports },
    { provide: PUBLISHED_REPORTS, useExisting: PublishedReports },
  ],
  exports: [PublishedReports, LATEST_RESEARCH, PUBLISHED_REPORTS],
})
export class PublishedResearchModule {}
