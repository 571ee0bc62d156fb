import { Injectable } from '@nestjs/common';
import { KeptValues, SharedVersions } from '@roundtable/core';
import { SurveyRepository, SURVEYS_VERSION, type SurveyRecord } from './survey.repository';

/**
 * How long a survey read for the response page is reused at most, while the surveys version stays
 * the same (a backstop for a change made outside SurveyRepository; the close date itself is checked
 * against the clock on every request).
 */
export const SURVEY_CACHE_TTL_MS = 15_000;
/** How many surveys one process keeps (open surveys are few; ids from URLs are not). */
export const SURVEYS_KEPT_MAX = 1_000;

interface Kept {
  survey: SurveyRecord | null;
  /** The surveys version read before the survey was: the entry is current while it still is. */
  version: string | null;
  until: number;
}

/**
 * The survey documents the response page reads, kept in memory by id: every member answering one
 * survey reads the same small document, so the hot path is the link, invitation and response `_id`
 * reads only. A kept survey is used only while the surveys version (one of core's shared versions,
 * read once per request and shared by concurrent ones) is the one it was kept under; every write
 * through SurveyRepository changes it, so a staff "close now" in any process is seen by every process
 * on its next request. A survey read again unchanged stays the same object, so what was built from
 * it (the link page kept by `KeptLinkViews`) stays valid.
 */
@Injectable()
export class SurveyCache {
  private readonly entries = new KeptValues<Kept>({ max: SURVEYS_KEPT_MAX });
  /** Per survey, the fresh read under way and the one queued after it (see `fresh`). */
  private readonly reading = new Map<
    string,
    { running: Promise<SurveyRecord | null>; next?: Promise<SurveyRecord | null> }
  >();

  constructor(
    private readonly surveys: SurveyRepository,
    private readonly versions: SharedVersions,
  ) {}

  /** The surveys version as a read that began after this call found it (null: none yet, keep nothing). */
  async version(): Promise<string | null> {
    return (await this.versions.snapshot())[SURVEYS_VERSION] ?? null;
  }

  /** The survey as it is now: kept under the current version, or read (and kept under it). */
  async get(id: string, now = Date.now()): Promise<SurveyRecord | null> {
    const version = await this.version();
    const kept = this.peek(id, version, now);
    if (kept !== undefined) {
      return kept;
    }
    return this.keep(id, await this.surveys.findById(id), version);
  }

  /** The survey kept under `version` (null: kept as missing) while in its time, else undefined; without a read. */
  peek(id: string, version: string | null, now = Date.now()): SurveyRecord | null | undefined {
    const cached = this.entries.get(id);
    return cached && version !== null && cached.version === version && cached.until > now ? cached.survey : undefined;
  }

  /**
   * The survey as a read that began after this call found it, and kept: a POST that would change
   * answers must see a close made by any process a moment ago, so it never trusts the cached copy.
   * Calls that arrive while a read is under way share the one read queued after it (it began after
   * each of them), so many answers at once cost a read per round trip, not one each.
   */
  fresh(id: string): Promise<SurveyRecord | null> {
    const state = this.reading.get(id);
    if (!state) {
      return this.startRead(id);
    }
    state.next ??= state.running.catch(() => undefined).then(() => this.startRead(id));
    return state.next;
  }

  /** How many surveys this process holds. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops a survey from this process's cache (after a change made here: close, extend). */
  forget(id: string): void {
    this.entries.delete(id);
  }

  private startRead(id: string): Promise<SurveyRecord | null> {
    // Kept under the version the kept entry had: that version was read before this survey read
    // began, so every write it stands for is in what this read finds (no version read per answer).
    const version = this.entries.peek(id)?.version ?? null;
    const running = this.surveys.findById(id).then((survey) => this.keep(id, survey, version));
    const state = { running };
    this.reading.set(id, state);
    const done = () => {
      if (this.reading.get(id) === state) {
        this.reading.delete(id);
      }
    };
    running.then(done, done);
    return running;
  }

  /** Keeps what was read under the version read before it; unchanged from the kept copy, the kept object stays. */
  private keep(id: string, survey: SurveyRecord | null, version: string | null): SurveyRecord | null {
    const kept = this.entries.peek(id)?.survey;
    const same = kept && survey && JSON.stringify(kept) === JSON.stringify(survey);
    const result = same ? kept : survey;
    this.entries.set(id, { survey: result, version, until: Date.now() + SURVEY_CACHE_TTL_MS });
    return result;
  }
}
