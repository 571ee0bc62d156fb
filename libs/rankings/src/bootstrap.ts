import { compareItems, type PointVectors } from './borda';
import type { PackedResponses } from './packed';
import { SeededRandom } from './prng';

export interface BootstrapOptions {
  readonly seed: number;
  readonly resamples: number;
  readonly topK: number;
}

/** Per item (by index): the 95% interval of its rank position and its share of resamples in the top k. */
export interface BootstrapResult {
  readonly rankInterval: [number, number][];
  readonly topKShare: number[];
  /** counts[f * n + (r − 1)]: resamples in which item f landed at rank r (for charts and checks). */
  readonly rankCounts: Uint32Array;
}

/**
 * Seeded bootstrap over respondents: each resample draws m respondents with replacement, sums
 * their precomputed point vectors (sparse: a base plus deltas for held items), ranks the items by
 * the same rule as the full ranking (score, then incumbency, then name) and tallies each item's
 * position. Resample b draws from its own stream (seed, b), so a resample's draw does not depend
 * on any other and the result is the same however the work is split.
 *
 * The interval is the percentile interval: the ⌈0.025·B⌉-th and ⌈0.975·B⌉-th smallest of the B rank
 * positions an item took.
 */
export function bootstrapRanks(
  packed: PackedResponses,
  vectors: PointVectors,
  names: readonly string[],
  options: BootstrapOptions,
): BootstrapResult {
  const { itemCount: n, respondentCount: m, heldOffsets, heldItems } = packed;
  const { base } = vectors;
  const counts = new Uint32Array(n * n);
  const points = new Float64Array(n);
  const holders = new Float64Array(n);
  const order = names.map((_, f) => f);
  const byRank = (x: number, y: number): number => compareItems(x, y, points, holders, names);
  const B = m > 0 ? options.resamples : 0;
  const times = new Uint32Array(m);
  for (let b = 0; b < B; b++) {
    const random = new SeededRandom(options.seed, b + 1);
    // Draw first, then sum in respondent order: counting draws touches one small array at random,
    // and the sum streams through the held lists in memory order (drawing and summing per draw
    // was memory-bound, ~10x slower at 100,000 respondents).
    times.fill(0);
    random.countDraws(times, m);
    points.fill(0);
    holders.fill(0);
    let baseSum = 0;
    for (let i = 0; i < m; i++) {
      const c = times[i];
      if (c === 0) {
        continue;
      }
      const start = heldOffsets[i];
      const end = heldOffsets[i + 1];
      baseSum += c * base[i];
      // delta[e] is (n + h − 1)/2 − p for the entry at 0-based position p; computing it here
      // instead of reading it keeps the stream to the 2-byte item indexes.
      let top = c * ((n + end - start - 1) / 2);
      for (let e = start; e < end; e++) {
        const f = heldItems[e];
        points[f] += top;
        holders[f] += c;
        top -= c;
      }
    }
    for (let f = 0; f < n; f++) {
      points[f] += baseSum;
    }
    order.sort(byRank);
    for (let r = 0; r < n; r++) {
      counts[order[r] * n + r] += 1;
    }
  }
  const rankInterval: [number, number][] = [];
  const topKShare: number[] = [];
  for (let f = 0; f < n; f++) {
    const row = counts.subarray(f * n, f * n + n);
    rankInterval.push([orderStatistic(row, Math.ceil(0.025 * B)), orderStatistic(row, Math.ceil(0.975 * B))]);
    let top = 0;
    for (let r = 0; r < Math.min(options.topK, n); r++) {
      top += row[r];
    }
    topKShare.push(B > 0 ? top / B : 0);
  }
  return { rankInterval, topKShare, rankCounts: counts };
}

/** The k-th smallest (1-based, k ≥ 1) rank position in a histogram of positions 1..n. */
function orderStatistic(histogram: Uint32Array, k: number): number {
  let seen = 0;
  for (let r = 0; r < histogram.length; r++) {
    seen += histogram[r];
    if (seen >= Math.max(k, 1)) {
      return r + 1;
    }
  }
  return histogram.length;
}
