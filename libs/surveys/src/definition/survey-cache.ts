import { Injectable } from '@nestjs/common';
import { SurveyRepository, type SurveyRecord } from './survey.repository';

/** How long a survey read for the response page is reused. Closing is also checked against closesAt. */
export const SURVEY_CACHE_TTL_MS = 15_000;

/**
 * The survey documents the response page reads, kept in memory by id for a few seconds: every member
 * answering one survey reads the same small document, so the hot path is the link, invitation and
 * response `_id` reads only. A staff "close now" reaches other processes within the TTL; the close
 * date itself is checked on every request.
 */
@Injectable()
export class SurveyCache {
  private readonly entries = new Map<string, { survey: SurveyRecord | null; until: number }>();

  constructor(private readonly surveys: SurveyRepository) {}

  async get(id: string, now = Date.now()): Promise<SurveyRecord | null> {
    const cached = this.entries.get(id);
    if (cached && cached.until > now) {
      return cached.survey;
    }
    const survey = await this.surveys.findById(id);
    this.entries.set(id, { survey, until: now + SURVEY_CACHE_TTL_MS });
    return survey;
  }

  /** The kept survey (null: kept as missing) while in its time, else undefined; without a read. */
  peek(id: string, now = Date.now()): SurveyRecord | null | undefined {
    const cached = this.entries.get(id);
    return cached && cached.until > now ? cached.survey : undefined;
  }

  /**
   * Reads the survey now and keeps it: a POST that would change answers must see a close made by
   * any process a moment ago, so it never trusts the cached copy (one `_id` read of a small collection).
   */
  async fresh(id: string, now = Date.now()): Promise<SurveyRecord | null> {
    const survey = await this.surveys.findById(id);
    this.entries.set(id, { survey, until: now + SURVEY_CACHE_TTL_MS });
    return survey;
  }

  /** Drops a survey from this process's cache (after a change made here: close, extend). */
  forget(id: string): void {
    this.entries.delete(id);
  }
}
