/**
 * Reference computations for the specs, written the plain way from the definitions in docs/research.md (dense
 * full orderings, ties averaged by scanning positions), independent of the packed, sparse code.
 */
export function referenceOrdering(items: string[], held: string[]): Map<string, number> {
  // Position of each item in the full ordering; tied bottom items share the mean of their positions.
  const positions = new Map<string, number>();
  held.forEach((item, p) => positions.set(item, p + 1));
  const rest = items.filter((item) => !held.includes(item));
  const tiedPositions = rest.map((_, k) => held.length + k + 1);
  const meanPosition = tiedPositions.reduce((a, b) => a + b, 0) / Math.max(rest.length, 1);
  rest.forEach((item) => positions.set(item, meanPosition));
  return positions;
}

export interface ReferenceRow {
  item: string;
  borda: number;
  incumbency: number;
  meanRank: number | null;
}

export function referenceRanking(items: string[], responses: string[][]): ReferenceRow[] {
  const n = items.length;
  const rows = items.map((item) => {
    let points = 0;
    let holders = 0;
    let rankSum = 0;
    for (const held of responses) {
      const position = referenceOrdering(items, held).get(item) as number;
      points += n - position;
      if (held.includes(item)) {
        holders++;
        rankSum += held.indexOf(item) + 1;
      }
    }
    const m = responses.length;
    return {
      item,
      borda: m ? points / m : 0,
      incumbency: m ? holders / m : 0,
      meanRank: holders ? rankSum / holders : null,
    };
  });
  return rows.sort((a, b) => b.borda - a.borda || b.incumbency - a.incumbency || (a.item < b.item ? -1 : 1));
}

/** Kendall's W by the textbook formula over dense rank matrices. */
export function referenceKendallW(items: string[], responses: string[][]): number | null {
  const n = items.length;
  const m = responses.length;
  const ranks = responses.map((held) => referenceOrdering(items, held));
  const totals = items.map((item) => ranks.reduce((sum, r) => sum + (r.get(item) as number), 0));
  const mean = totals.reduce((a, b) => a + b, 0) / n;
  const s = totals.reduce((sum, t) => sum + (t - mean) ** 2, 0);
  let ties = 0;
  for (const r of ranks) {
    const groups = new Map<number, number>();
    r.forEach((rank) => groups.set(rank, (groups.get(rank) ?? 0) + 1));
    groups.forEach((t) => (ties += t ** 3 - t));
  }
  const denominator = m * m * (n ** 3 - n) - m * ties;
  return denominator > 0 ? (12 * s) / denominator : null;
}
