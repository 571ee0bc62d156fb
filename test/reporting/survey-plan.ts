/**
 * The 200 members of the survey-to-snapshot e2e and what each of them answers, generated from a
 * fixed LCG (not typed in), plus a reference computation of the headline statistics written here,
 * independently of libs/rankings (docs/research.md, "How a survey's ranking is computed").
 */

export const MEMBERS = 200;
export const RESPONDENTS = 120;
export const PARTIAL = 10;

export interface PlannedMember {
  /** The member's stored profile (prefilled into the survey's profile questions). */
  stored: { revenueBand: string; businessModel: string };
  tier: 'council' | 'executive';
  /** What the member answers in the form (null: never submits). */
  answer: { held: number[]; revenueBand: string; businessModel: string } | null;
  /** A first submission this member later replaces with `answer` (an update before close). */
  firstAnswer: { held: number[] } | null;
  /** Saves a partial answer and never submits. */
  partial: number[] | null;
}

function lcg(seed: number) {
  let state = seed;
  return (k: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * k);
  };
}

/**
 * Items held with a probability falling by position (so a ranking emerges), ordered by a noisy
 * priority; the last item is held by nobody. Respondent 0 holds nothing, respondent 1 everything but
 * the last item, respondent 2 only one item.
 */
export function planMembers(itemCount: number): PlannedMember[] {
  const next = lcg(2026);
  const heldBy = (k: number): number[] => {
    if (k === 0) {
      return [];
    }
    if (k === 1) {
      return Array.from({ length: itemCount - 1 }, (_, f) => f);
    }
    if (k === 2) {
      return [3];
    }
    const chosen = Array.from({ length: itemCount - 1 }, (_, f) => f).filter(
      (f) => next(100) < 85 - (f * 70) / itemCount,
    );
    return chosen
      .map((f) => ({ f, priority: f + next(5) }))
      .sort((a, b) => a.priority - b.priority || a.f - b.f)
      .map((entry) => entry.f);
  };
  return Array.from({ length: MEMBERS }, (_, k) => {
    const responds = k < RESPONDENTS;
    // Respondents lean to >$1B and B2B; exactly four respondents are B2C (a segment below 5).
    const revenueBand = responds
      ? ['>$1B', '>$1B', '$100M–$1B', '<$100M'][next(4)]
      : ['>$1B', '$100M–$1B', '<$100M', '<$100M'][next(4)];
    const businessModel = responds
      ? k % 30 === 7
        ? 'B2C'
        : next(5) === 0
          ? 'Both'
          : 'B2B'
      : ['B2B', 'B2C', 'B2C', 'Both'][next(4)];
    // Some respondents correct their revenue band in the form: the answer wins over the profile.
    const answeredRevenue = responds && k % 25 === 3 ? (revenueBand === '>$1B' ? '$100M–$1B' : '>$1B') : revenueBand;
    return {
      stored: { revenueBand, businessModel },
      tier: k % 3 === 0 ? 'executive' : 'council',
      answer: responds ? { held: heldBy(k), revenueBand: answeredRevenue, businessModel } : null,
      firstAnswer: responds && k % 40 === 5 ? { held: [itemCount - 2] } : null,
      partial: !responds && k < RESPONDENTS + PARTIAL ? [0, 1] : null,
    };
  });
}

export interface ReferenceItem {
  item: string;
  borda: number;
  incumbency: number;
  meanRank: number | null;
}

/**
 * Borda with tied bottom, incumbency and mean priority rank of every item, from the held lists
 * (item indexes, highest priority first); then the rank order by score, incumbency, name.
 */
export function referenceRanking(items: string[], heldLists: number[][]): ReferenceItem[] {
  const n = items.length;
  const m = heldLists.length;
  const rows = items.map((item, f) => {
    let points = 0;
    let holders = 0;
    let rankSum = 0;
    for (const held of heldLists) {
      const position = held.indexOf(f);
      if (position >= 0) {
        points += n - (position + 1);
        holders += 1;
        rankSum += position + 1;
      } else {
        // Positions held.length + 1 … n share their points: the mean of n − p over them.
        points += (n - (held.length + 1)) / 2;
      }
    }
    return { item, borda: points / m, incumbency: holders / m, meanRank: holders ? rankSum / holders : null };
  });
  return rows.sort(
    (a, b) => b.borda - a.borda || b.incumbency - a.incumbency || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0),
  );
}
