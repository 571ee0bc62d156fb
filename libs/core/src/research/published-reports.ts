/**
 * Published research reports as other features show them, without importing the lib that has them:
 * the blog attaches a report to a post (a select in the editor, a card on the post page), and
 * @roundtable/blog cannot import @roundtable/reporting (reporting builds on the libs the blog's
 * readers use). Reporting's global PublishedResearchModule provides `PUBLISHED_REPORTS` with a
 * `PublishedReportSource`; a feature injects it with `@Optional() @Inject(PUBLISHED_REPORTS)` and
 * does without when the app has none.
 */
export const PUBLISHED_REPORTS = Symbol('roundtable:published-reports');

/** One published report in a picker: its id (what a post stores) and its title. */
export interface ReportChoice {
  id: string;
  title: string;
}

/** Who looks at a card: a signed-in person as the session has them (a visitor is `undefined`). */
export interface ReportViewer {
  role: string;
  /** What their membership grants now (billing keeps it current). */
  membership: { entitlements: readonly string[] };
}

/** A published report as a card on another page. */
export interface ReportCard {
  id: string;
  title: string;
  /** Where the report is (a members-only page: visitors are asked to sign in there). */
  url: string;
  /**
   * The headline finding, e.g. "The 7 most common: …", for every viewer, and its figures ("60%
   * response rate") for those who may read the report (none for others).
   */
  finding: { headline: string; highlights: string[] } | null;
  /** Whether this viewer may open the report; when not, the card shows the way to a tier that includes it. */
  readsReport: boolean;
}

export interface PublishedReportSource {
  /** Every published report, newest first (the editor's select). */
  choices(): Promise<ReportChoice[]>;
  /** The card of a published report for this viewer (undefined for a visitor); null when none with this id is published. */
  card(id: string, viewer: ReportViewer | undefined): Promise<ReportCard | null>;
}
