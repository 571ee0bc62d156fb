import { Injectable } from '@nestjs/common';
import { SurveyRepository, type SurveyRecord } from './survey.repository';

/** How long a survey read for the response page is reused. Closing is also checked against closesAt. */
export const SURVEY_CACHE_TTL_MS = 15_000;

/**
 * The survey documents the response page reads, kept in memory by id for a few seconds: every member
 * answering one survey reads the same small document, so the hot path is the link, invitation and
 * response `_id` reads only. A staff "close now" reaches other processes within the TTL; the close
 * date itself is checked on every request. A survey read again unchanged stays the same object, so
 * what was built from it (the link page kept by `KeptLinkViews`) stays valid.
 */
@Injectable()
export class SurveyCache {
  private readonly entries = new Map<string, { survey: SurveyRecord | null; until: number }>();
  /** Per survey, the fresh read under way and the one queued after it (see `fresh`). */
  private readonly reading = new Map<
    string,
    { running: Promise<SurveyRecord | null>; next?: Promise<SurveyRecord | null> }
  >();

  constructor(private readonly surveys: SurveyRepository) {}

  async get(id: string, now = Date.now()): Promise<SurveyRecord | null> {
    const cached = this.entries.get(id);
    if (cached && cached.until > now) {
      return cached.survey;
    }
    return this.keep(id, await this.surveys.findById(id));
  }

  /** The kept survey (null: kept as missing) while in its time, else undefined; without a read. */
  peek(id: string, now = Date.now()): SurveyRecord | null | undefined {
    const cached = this.entries.get(id);
    return cached && cached.until > now ? cached.survey : undefined;
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

  /** Drops a survey from this process's cache (after a change made here: close, extend). */
  forget(id: string): void {
    this.entries.delete(id);
  }

  private startRead(id: string): Promise<SurveyRecord | null> {
    const running = this.surveys.findById(id).then((survey) => this.keep(id, survey));
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

  /** Keeps what was read; unchanged from the kept copy, the kept object stays. */
  private keep(id: string, survey: SurveyRecord | null): SurveyRecord | null {
    const kept = this.entries.get(id)?.survey;
    const same = kept && survey && JSON.stringify(kept) === JSON.stringify(survey);
    const result = same ? kept : survey;
    this.entries.set(id, { survey: result, until: Date.now() + SURVEY_CACHE_TTL_MS });
    return result;
  }
}
