/**
 * Published research reports as other features show them, without importing the lib that has them:
 * the blog attaches a report to a post (a select in the editor, a card on the post page), and
 * @roundtable/blog cannot import @roundtable/reporting (reporting builds on the libs the blog's
 * readers use). Reporting provides `PUBLISHED_REPORTS` with a `PublishedReportSource`, e.g.
 * `{ provide: PUBLISHED_REPORTS, useExisting: PublishedReports }`; a feature finds it with
 * `moduleRef.get(PUBLISHED_REPORTS, { strict: false })` and does without when there is none.
 */
export const PUBLISHED_REPORTS = Symbol('roundtable:published-reports');

/** One published report in a picker: its id (what a post stores) and its title. */
export interface ReportChoice {
  id: string;
  title: string;
}

/** A published report as a card on another page. */
export interface ReportCard {
  id: string;
  title: string;
  /** Where the report is (a members-only page: visitors are asked to sign in there). */
  url: string;
  /**
   * The headline finding, e.g. "The 7 most common: …", and its figures ("60% response rate"); null
   * when this viewer may not read the report's findings (the card then says they are for members).
   */
  finding: { headline: string; highlights: string[] } | null;
}

export interface PublishedReportSource {
  /** Every published report, newest first (the editor's select). */
  choices(): Promise<ReportChoice[]>;
  /**
   * The card of a published report for this viewer (`role` as stored on the member, undefined for a
   * visitor); null when no report with this id is published.
   */
  card(id: string, viewer: { role: string } | undefined): Promise<ReportCard | null>;
}
