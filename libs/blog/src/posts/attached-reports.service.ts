import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  PUBLISHED_REPORTS,
  type PublishedReportSource,
  type ReportCard,
  type ReportChoice,
  type ReportViewer,
} from '@roundtable/core';

/**
 * The research report a post attaches (staff pick a published one in the editor; the post page
 * shows its card). The reports live in @roundtable/reporting, which the blog does not import: its
 * global PublishedResearchModule provides PUBLISHED_REPORTS (@roundtable/core). In an app without it
 * (the worker), there are no reports to pick and no card to show.
 */
@Injectable()
export class AttachedReports {
  constructor(@Optional() @Inject(PUBLISHED_REPORTS) private readonly source: PublishedReportSource | null = null) {}

  /** The editor's select: every published report, newest first. */
  async choices(): Promise<ReportChoice[]> {
    return this.source ? this.source.choices() : [];
  }

  /** The card for this viewer; null when the report is not (or no longer) published. */
  async card(reportId: string | null | undefined, viewer: ReportViewer | undefined): Promise<ReportCard | null> {
    return reportId && this.source ? this.source.card(reportId, viewer) : null;
  }

  /** Why this id cannot be attached, or null when it is a published report (empty: nothing attached). */
  async problem(reportId: string | null | undefined): Promise<string | null> {
    if (!reportId) {
      return null;
    }
    return (await this.card(reportId, undefined))
      ? null
      : 'There is no published report with this id; choose one from the list (publish it in the reporting console first).';
  }
}
