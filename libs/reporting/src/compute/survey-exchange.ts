import { isoDate } from '@roundtable/core';
import type { ExchangeDocument, ResponseCounts } from '@roundtable/rankings';

/**
 * Turns a survey's stored rows into the exchange format (docs/research.md) that libs/rankings computes
 * from, so the worker's snapshot, the export and `npm run rank` all read the same document. Pure: the
 * worker streams the rows in, tests build them by hand.
 */
export interface SurveyShape {
  readonly title: string;
  readonly items: readonly { key: string; label: string }[];
  readonly profileQuestions: readonly string[];
}

export interface InvitationRow {
  readonly _id: string;
  readonly profile?: Record<string, unknown> | null;
  readonly tier?: string | null;
  readonly status: string;
}

export interface ResponseRow {
  readonly _id: string;
  readonly held?: readonly string[] | null;
  readonly profile?: Record<string, unknown> | null;
  readonly status: string;
  readonly completedAt?: Date | null;
}

/** The segment attribute that comes from the invitation, not from a profile question. */
export const TIER_ATTRIBUTE = 'tier';

export interface SurveyExchange {
  readonly doc: ExchangeDocument;
  readonly counts: ResponseCounts;
  /** Completed responses per day (UTC), cumulative, for the response-rate progress chart. */
  readonly progress: { date: string; completed: number }[];
  /** Held keys that are no longer items of the survey (dropped; a locked survey should have none). */
  readonly unknownKeys: number;
}

/**
 * Collects the rows. Invitations are indexed first (profile snapshot and tier per invitation id);
 * each completed response then takes its profile answers, filling attributes it left empty from its
 * invitation's snapshot, and its tier from the invitation. Response ids become "r1", "r2", … in
 * `_id` order: an export names no member.
 */
export class SurveyExchangeBuilder {
  private readonly labels: Map<string, string>;
  private readonly attributes: readonly string[];
  private readonly invitedById = new Map<string, Record<string, string>>();
  private readonly invited: { profile: Record<string, string> }[] = [];
  private readonly responses: ExchangeDocument['responses'] = [];
  private readonly completedAt: number[] = [];
  private invitations = 0;
  private bounced = 0;
  private partial = 0;
  private unknownKeys = 0;

  constructor(
    private readonly survey: SurveyShape,
    private readonly normalise: (attribute: string, value: unknown) => string | undefined,
  ) {
    this.labels = new Map(survey.items.map((item) => [item.key, item.label]));
    this.attributes = [...survey.profileQuestions, TIER_ATTRIBUTE];
  }

  addInvitation(row: InvitationRow): void {
    this.invitations++;
    const profile = this.profileOf({ ...(row.profile ?? {}), [TIER_ATTRIBUTE]: row.tier ?? undefined });
    this.invitedById.set(row._id, profile);
    if (row.status === 'bounced') {
      // Not eligible: the address never reached the member (counted and reported, not in the base).
      this.bounced++;
      return;
    }
    this.invited.push({ profile });
  }

  /** Call after every invitation was added (the respondent's tier and fallback profile come from it). */
  addResponse(row: ResponseRow): void {
    if (row.status !== 'completed') {
      this.partial++;
      return;
    }
    const seen = new Set<string>();
    const held: string[] = [];
    for (const key of row.held ?? []) {
      const label = this.labels.get(key);
      if (label === undefined) {
        this.unknownKeys++;
      } else if (!seen.has(label)) {
        seen.add(label);
        held.push(label);
      }
    }
    const snapshot = this.invitedById.get(row._id) ?? {};
    const answers = this.profileOf(row.profile ?? {});
    this.responses.push({ id: `r${this.responses.length + 1}`, held, profile: { ...snapshot, ...answers } });
    if (row.completedAt) {
      this.completedAt.push(new Date(row.completedAt).getTime());
    }
  }

  build(options?: ExchangeDocument['options']): SurveyExchange {
    const doc: ExchangeDocument = {
      survey: { title: this.survey.title, profile_attributes: [...this.attributes] },
      items: this.survey.items.map((item) => item.label),
      responses: this.responses,
      invited: this.invited,
    };
    if (options) {
      doc.options = options;
    }
    return {
      doc,
      counts: { invited: this.invitations, bounced: this.bounced, partial: this.partial },
      progress: cumulativeByDay(this.completedAt),
      unknownKeys: this.unknownKeys,
    };
  }

  private profileOf(source: Record<string, unknown>): Record<string, string> {
    const profile: Record<string, string> = {};
    for (const attribute of this.attributes) {
      const value = this.normalise(attribute, source[attribute]);
      if (value) {
        profile[attribute] = value;
      }
    }
    return profile;
  }
}

function cumulativeByDay(times: number[]): { date: string; completed: number }[] {
  const perDay = new Map<string, number>();
  for (const time of times) {
    const day = isoDate(time);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  let total = 0;
  return [...perDay.keys()].sort().map((date) => {
    total += perDay.get(date) ?? 0;
    return { date, completed: total };
  });
}
