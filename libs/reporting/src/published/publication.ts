/**
 * The rules a result must meet before anyone but staff sees a figure of it, and how its ranks read
 * there. Kept pure: publishing checks them (the console refuses), and every page, teaser and card
 * built from a published result checks them again, so a result stored as published by any other way
 * (an older version, a hand-edited database) still shows nothing it should not.
 */

/**
 * The smallest group of respondents whose answers are shown: the privacy page promises members that
 * answers are reported only in groups of at least five, so a result's own `min_cell` can raise this
 * but never lower it.
 */
export const SMALLEST_PUBLISHED_GROUP = 5;

/** The fewest respondents a result computed with `minCell` needs to be shown to members or visitors. */
export function publishedMinimum(minCell: number | null | undefined): number {
  return Math.max(typeof minCell === 'number' && Number.isFinite(minCell) ? minCell : 0, SMALLEST_PUBLISHED_GROUP);
}

/** Whether a result of `respondents` (computed with `minCell`) may show any figure outside the console. */
export function mayShow(respondents: number | null | undefined, minCell: number | null | undefined): boolean {
  return typeof respondents === 'number' && respondents >= publishedMinimum(minCell);
}

/** Why a result may not be published (a sentence for staff), or null when it may. */
export function publishRefusal(respondents: number, minCell: number): string | null {
  const minimum = publishedMinimum(minCell);
  if (respondents >= minimum) {
    return null;
  }
  const answered = respondents === 1 ? '1 member has' : `${respondents} members have`;
  return (
    `Only ${answered} answered. A result is published only when at least ${minimum} have, so that ` +
    'no member’s answers can be singled out; wait for more answers and recompute.'
  );
}

/** One ranked item as a member-facing page labels its rank. */
export interface TiedRank {
  /** The position shared by the items tied with it (competition ranking: 1, 2, =3, =3, 5). */
  rank: number;
  /** "3", or "=3" when another item has the same score. */
  label: string;
}

/**
 * Ranks with ties shown as ties. Items are tied when they have the same Borda score. The ranking
 * breaks such ties by incumbency and then by name (a stable order for tables and exports), but
 * pages for members and visitors must not present that order as a finding. A score is a mean of
 * points that are whole or half numbers, so two scores are the same exactly when their totals of
 * half-points over the respondents are the same integer: comparing those (rounded, so the division
 * by the number of respondents cannot make equal totals differ) is exact. `items` are in rank order.
 */
export function tiedRanks(items: readonly { borda: number }[], respondents: number): TiedRank[] {
  const halfPoints = items.map((item) => Math.round(item.borda * respondents * 2));
  const ranks: TiedRank[] = [];
  for (let k = 0; k < items.length; k++) {
    const rank = k > 0 && halfPoints[k] === halfPoints[k - 1] ? ranks[k - 1].rank : k + 1;
    const tied = halfPoints[k] === halfPoints[k - 1] || halfPoints[k] === halfPoints[k + 1];
    ranks.push({ rank, label: tied ? `=${rank}` : String(rank) });
  }
  return ranks;
}
