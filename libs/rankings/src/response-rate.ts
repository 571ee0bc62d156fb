/**
 * Response rate in the spirit of AAPOR's RR1: completed responses over invited members who were
 * eligible. A bounced address never reached the member, so it leaves the denominator (and is
 * reported); a partial response is reported but does not count as a response.
 */
export interface ResponseRate {
  readonly invited: number;
  readonly bounced: number;
  readonly eligible: number;
  readonly completed: number;
  /** Null when the source does not know (a file in the exchange format carries only completed responses). */
  readonly partial: number | null;
  /** Null when nobody eligible was invited. */
  readonly rate: number | null;
}

export function responseRate(counts: {
  invited: number;
  bounced: number;
  completed: number;
  partial: number | null;
}): ResponseRate {
  const eligible = Math.max(counts.invited - counts.bounced, 0);
  return { ...counts, eligible, rate: eligible > 0 ? counts.completed / eligible : null };
}
