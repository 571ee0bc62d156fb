import type { ReportViewer } from '@roundtable/core';

/**
 * The home page's "Latest research" slot. The research lives elsewhere (published reports, in
 * @roundtable/reporting): a global module provides and exports `LATEST_RESEARCH` with a
 * `LatestResearchSource` (reporting's PublishedResearchModule), and the home page shows what it
 * returns. With no provider, or an empty list, the slot shows nothing.
 */
export const LATEST_RESEARCH = Symbol('roundtable:latest-research');

export interface ResearchTeaser {
  title: string;
  /** One or two sentences: what the research found. */
  summary: string;
  /** Where the report is (members-only pages are fine: visitors are asked to sign in there). */
  url: string;
  publishedAt: Date;
  /** Optional headline figures, e.g. ["60% of members answered", "7 common accountabilities"]. */
  highlights?: string[];
  /** Whether this viewer may open the report (when not, the block shows the way to a tier that includes it). */
  readsReport: boolean;
}

export interface LatestResearchSource {
  /**
   * The newest published research first, as this viewer (undefined: signed out) may see it; `limit`
   * items at most. Called on each home page render.
   */
  latest(limit: number, viewer: ReportViewer | undefined): Promise<ResearchTeaser[]>;
}
