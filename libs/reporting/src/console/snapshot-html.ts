import type nunjucks from 'nunjucks';
import { createViewEnvironment, KeptValues } from '@roundtable/core';

/** How many renderings of snapshot sections a process keeps (a few surveys × segment tabs). */
export const SNAPSHOT_HTML_KEPT = 64;

let environment: nunjucks.Environment | undefined;

function views(): nunjucks.Environment {
  environment ??= createViewEnvironment();
  return environment;
}

/** What the snapshot section shows besides the snapshot's own model. */
export interface SnapshotSectionInputs {
  surveyId: string;
  version: number;
  segment: string | undefined;
  published: number | null;
  skewRounds: unknown[];
}

/**
 * The HTML of staff's results page below its actions (reporting/admin-report-snapshot.njk): the
 * snapshot's tables and charts, the published version and the skew rounds. Templating that section was
 * most of the page's API time under load, and it is the same on every view until one of the inputs in
 * the key changes: a snapshot version is written once and never changed, and the published version and
 * the skew rounds come from reads kept under their shared versions (KeptResultsReads), so a new
 * snapshot, a publication or a round recorded in any process gives a new key on the next view.
 */
export class SnapshotHtml {
  private readonly renderings = new KeptValues<{ html: string }>({ max: SNAPSHOT_HTML_KEPT });

  /** How many renderings are held. */
  get size(): number {
    return this.renderings.size;
  }

  html(inputs: SnapshotSectionInputs, context: () => object): string {
    const key = JSON.stringify([
      inputs.surveyId,
      inputs.version,
      inputs.segment ?? '',
      inputs.published,
      inputs.skewRounds,
    ]);
    const kept = this.renderings.get(key);
    if (kept) {
      return kept.html;
    }
    const html = views().render('reporting/admin-report-snapshot.njk', context());
    this.renderings.set(key, { html });
    return html;
  }
}
