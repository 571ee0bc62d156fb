import { Injectable } from '@nestjs/common';
import { JobQueue } from '@roundtable/jobs';

/** The worker job that computes a census snapshot: payload { asOf: null } (today) or { asOf: 'YYYY-MM-DD' }. */
export const CENSUS_JOB = 'census.compute' as const;

/** How long roster changes are gathered before one recomputation. */
export const CENSUS_DEBOUNCE_MS = 5_000;

/**
 * When the census is recomputed: a few seconds after the roster changes (debounced: the first change
 * in a window queues one job for the window's end under an `_id` naming the window, so the form saves
 * and import rows of that window queue nothing more), and when staff ask for a census date.
 */
@Injectable()
export class CensusRequests {
  constructor(private readonly queue: JobQueue) {}

  async rosterChanged(now = new Date()): Promise<boolean> {
    const window = Math.floor(now.getTime() / CENSUS_DEBOUNCE_MS);
    return this.queue.enqueueOnce(
      `census:changed:${window}`,
      CENSUS_JOB,
      { asOf: null },
      {
        runAt: new Date((window + 1) * CENSUS_DEBOUNCE_MS),
      },
    );
  }

  /** A census on a date staff chose (one job per date and window). */
  async forDate(asOf: string, now = new Date()): Promise<boolean> {
    const window = Math.floor(now.getTime() / CENSUS_DEBOUNCE_MS);
    return this.queue.enqueueOnce(`census:date:${asOf}:${window}`, CENSUS_JOB, { asOf }, { runAt: now });
  }
}
