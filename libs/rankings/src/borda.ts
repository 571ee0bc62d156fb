import type { PackedResponses } from './packed';

/**
 * Borda with tied bottom (docs/research.md, "How a survey's ranking is computed"): a respondent holding h of n
 * items gives the item at position p (1-based) n − p points, and every item not held shares the
 * mean of the points of positions h+1..n, which is (n − h − 1) / 2.
 */
export function unheldPoints(itemCount: number, heldCount: number): number {
  return (itemCount - heldCount - 1) / 2;
}

/**
 * Each respondent's points stored sparsely: `base[i]` is what every item not held by i gets, and
 * `delta[e]` is what held entry e (aligned with heldItems) gets on top of that base. A respondent's
 * full vector is base everywhere plus the deltas, so summing a resample touches m + H numbers, not m·n.
 */
export interface PointVectors {
  readonly base: Float64Array;
  readonly delta: Float64Array;
}

export function pointVectors(packed: PackedResponses): PointVectors {
  const { itemCount: n, respondentCount: m, heldOffsets } = packed;
  const base = new Float64Array(m);
  const delta = new Float64Array(packed.heldItems.length);
  for (let i = 0; i < m; i++) {
    const start = heldOffsets[i];
    const h = heldOffsets[i + 1] - start;
    const b = unheldPoints(n, h);
    base[i] = b;
    for (let p = 0; p < h; p++) {
      delta[start + p] = n - (p + 1) - b;
    }
  }
  return { base, delta };
}

/** Per item: total points, number (or weight) of holders, and the sum of ranks given by holders. */
export interface ItemTotals {
  readonly points: Float64Array;
  readonly holders: Float64Array;
  readonly rankSum: Float64Array;
  /** The number (or total weight) of respondents summed. */
  readonly respondents: number;
}

/** Sums every respondent once, optionally weighted (weights indexed by respondent). */
export function itemTotals(packed: PackedResponses, vectors: PointVectors, weights?: Float64Array): ItemTotals {
  const { itemCount: n, respondentCount: m, heldOffsets, heldItems } = packed;
  const points = new Float64Array(n);
  const holders = new Float64Array(n);
  const rankSum = new Float64Array(n);
  let baseSum = 0;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    baseSum += w * vectors.base[i];
    for (let e = heldOffsets[i], p = 1; e < heldOffsets[i + 1]; e++, p++) {
      const f = heldItems[e];
      points[f] += w * vectors.delta[e];
      holders[f] += w;
      rankSum[f] += w * p;
    }
  }
  for (let f = 0; f < n; f++) {
    points[f] += baseSum;
  }
  return { points, holders, rankSum, respondents: total };
}

/** One item's figures in a ranking. */
export interface ItemStanding {
  readonly index: number;
  readonly borda: number;
  readonly incumbency: number;
  readonly meanRank: number | null;
  readonly holders: number;
}

/** Scores, incumbency (share holding) and mean priority rank (null when nobody holds it) per item. */
export function standings(totals: ItemTotals): ItemStanding[] {
  const out: ItemStanding[] = [];
  const r = totals.respondents;
  for (let f = 0; f < totals.points.length; f++) {
    const holders = totals.holders[f];
    out.push({
      index: f,
      borda: r > 0 ? totals.points[f] / r : 0,
      incumbency: r > 0 ? holders / r : 0,
      meanRank: holders > 0 ? totals.rankSum[f] / holders : null,
      holders,
    });
  }
  return out;
}

/**
 * Item indexes in rank order: by score, ties by incumbency, then by name. Names are compared by
 * code unit (not locale) so the order is the same on every machine.
 */
export function rankOrder(
  scores: ArrayLike<number>,
  incumbency: ArrayLike<number>,
  names: readonly string[],
): number[] {
  const order = names.map((_, f) => f);
  order.sort((x, y) => compareItems(x, y, scores, incumbency, names));
  return order;
}

export function compareItems(
  x: number,
  y: number,
  scores: ArrayLike<number>,
  incumbency: ArrayLike<number>,
  names: readonly string[],
): number {
  if (scores[x] !== scores[y]) {
    return scores[y] - scores[x];
  }
  if (incumbency[x] !== incumbency[y]) {
    return incumbency[y] - incumbency[x];
  }
  return names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0;
}
