/**
 * A survey's live figures for the console, from the summed counter shards. Pure, tested alone.
 * `started` counts first saves, so `partial` is those who started and have not completed.
 */
export interface SurveyFigures {
  invited: number;
  queued: number;
  sent: number;
  failed: number;
  bounced: number;
  suppressed: number;
  reminded: number;
  opened: number;
  partial: number;
  completed: number;
  /** Completed per invited, 0–1. */
  responseRate: number;
  /** Invitations whose email is settled (sent, failed, bounced, suppressed), 0–1. */
  distributed: number;
  failureReasons: Array<{ reason: string; count: number }>;
}

export const FAILURE_PREFIX = 'failed:';

export function surveyFigures(counts: Record<string, number>): SurveyFigures {
  const get = (name: string) => Math.max(0, counts[name] ?? 0);
  const invited = get('invited');
  const settled = get('sent') + get('failed') + get('bounced') + get('suppressed');
  const completed = get('completed');
  return {
    invited,
    queued: Math.max(0, invited - settled),
    sent: get('sent'),
    failed: get('failed'),
    bounced: get('bounced'),
    suppressed: get('suppressed'),
    reminded: get('reminded'),
    opened: get('opened'),
    partial: Math.max(0, get('started') - completed),
    completed,
    responseRate: invited === 0 ? 0 : completed / invited,
    distributed: invited === 0 ? 0 : Math.min(1, settled / invited),
    failureReasons: Object.entries(counts)
      .filter(([name, count]) => name.startsWith(FAILURE_PREFIX) && count > 0)
      .map(([name, count]) => ({ reason: name.slice(FAILURE_PREFIX.length), count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/** "60%" style, one decimal below 10%. */
export function percent(fraction: number): string {
  const value = fraction * 100;
  return `${value < 10 && value > 0 ? value.toFixed(1) : Math.round(value)}%`;
}

/** "+12.5" / "−3" style percentage points, one decimal. */
export function points(gapPp: number): string {
  const rounded = Math.round(gapPp * 10) / 10;
  return rounded === 0 ? '0' : `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}`;
}
