import { isEntitled, type Role } from '@roundtable/auth';
import type { ReportViewer } from '@roundtable/core';

/** The entitlement of the tiers sold with the research reports. */
export const READ_REPORTS = 'see_reports';
/** The entitlement of the tier sold with a member's answers benchmarked against their peers'. */
export const PEER_BENCHMARK = 'peer_benchmark';

/** A published report's headline finding and the figures behind it. */
export interface Finding {
  headline: string;
  highlights: string[];
}

/** What a page outside the report shows of it to one viewer. */
export interface Teaser extends Finding {
  /** Whether this viewer may open the report (else the page shows the way to a tier that includes it). */
  readsReport: boolean;
}

/**
 * The one rule for what the home page's teaser and a post's report card show, so the two never
 * differ. The council publishes its headline (the most common accountabilities) openly, so every
 * viewer, signed out too, reads the title and the headline; the figures behind it (response rate,
 * respondents, skews) and the report itself go with the tiers that include the reports (`see_reports`;
 * staff read everything), as the report pages' guard admits.
 */
export function teaserFor(finding: Finding, viewer: ReportViewer | undefined): Teaser {
  const readsReport = isEntitled(
    viewer as { role: Role; membership: ReportViewer['membership'] } | undefined,
    READ_REPORTS,
  );
  return { headline: finding.headline, highlights: readsReport ? finding.highlights : [], readsReport };
}
