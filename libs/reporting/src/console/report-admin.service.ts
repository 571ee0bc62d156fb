import { Injectable } from '@nestjs/common';
import { downloadName, FormOutcome, PageCache, toCsv, ValidationError, type ReceivedUpload } from '@roundtable/core';
import { RankingRequests } from '../compute/ranking-requests.service';
import { ExchangeTransfer } from '../exchange/exchange-transfer.service';
import { publishRefusal } from '../published/publication';
import { publishedSummary } from '../snapshots/published-summary';
import { SnapshotRepository } from '../snapshots/snapshot.repository';
import { ReportPages } from './report-pages.service';
import { reportTable, TABLES, type TableName } from './report-tables';

/** Staff's actions in the console: recompute, publish, CSV of a table, export and import. */
@Injectable()
export class ReportAdmin {
  constructor(
    private readonly pages: ReportPages,
    private readonly requests: RankingRequests,
    private readonly snapshots: SnapshotRepository,
    private readonly transfer: ExchangeTransfer,
    private readonly pageCache: PageCache,
  ) {}

  async recompute(surveyId: string): Promise<FormOutcome> {
    await this.pages.surveyOrFail(surveyId);
    await this.requests.onDemand(surveyId);
    return FormOutcome.ok(
      `/admin/reports/${surveyId}`,
      'The result is being recomputed by the worker; reload in a moment.',
    );
  }

  /**
   * Publishes the latest snapshot as the members' report (the version is kept as published); refused
   * (422, with the reason) while fewer members answered than the result may show.
   */
  async publish(surveyId: string): Promise<FormOutcome> {
    const survey = await this.pages.surveyOrFail(surveyId);
    const snapshot = await this.pages.latestOrFail(surveyId);
    const refusal = publishRefusal(snapshot.result.respondents, snapshot.result.options.min_cell);
    if (refusal) {
      return FormOutcome.invalid({}, { publish: refusal });
    }
    await this.snapshots.publish(surveyId, snapshot.version, publishedSummary(surveyId, survey.title, snapshot.result));
    // The home page's Latest research block is cached for visitors.
    await this.pageCache.invalidate();
    return FormOutcome.ok(
      `/admin/reports/${surveyId}`,
      `Version ${snapshot.version} is published to members at /reports/${surveyId}.`,
    );
  }

  async unpublish(surveyId: string): Promise<FormOutcome> {
    await this.pages.surveyOrFail(surveyId);
    await this.snapshots.unpublish(surveyId);
    await this.pageCache.invalidate();
    return FormOutcome.ok(`/admin/reports/${surveyId}`, 'The report is no longer shown to members.');
  }

  async csv(surveyId: string, table: string): Promise<{ filename: string; body: string }> {
    if (!TABLES.includes(table as TableName)) {
      throw new ValidationError(`There is no table "${table}"; the tables are ${TABLES.join(', ')}.`);
    }
    const survey = await this.pages.surveyOrFail(surveyId);
    const snapshot = await this.pages.latestOrFail(surveyId);
    const { columns, rows } = reportTable(table as TableName, snapshot);
    return { filename: downloadName(survey.title, `${table}-v${snapshot.version}`, 'csv'), body: toCsv(columns, rows) };
  }

  exportResponses(surveyId: string) {
    return this.transfer.exportSurvey(surveyId);
  }

  /** A refused file comes back as the list page with the reason beside the file field (422). */
  async importDraft(upload: ReceivedUpload | undefined): Promise<FormOutcome> {
    if (upload?.problem) {
      return FormOutcome.invalid({}, { file: upload.problem });
    }
    try {
      const id = await this.transfer.importAsDraft(upload?.file?.bytes.toString('utf8'));
      return FormOutcome.ok(`/admin/surveys/${id}`, 'Imported as a draft survey with the file’s items.');
    } catch (error) {
      if (error instanceof ValidationError) {
        return FormOutcome.invalid({}, { file: error.message });
      }
      throw error;
    }
  }
}
