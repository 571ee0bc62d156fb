import { itemTotals, pointVectors, rankOrder, standings } from './borda';
import { packHeld, type PackedResponses } from './packed';
import { SeededRandom } from './prng';

/**
 * Comparing two waves of one survey (docs/research.md, "Waves"). Items carry a stable key across
 * waves; only items present in both waves compare, and both waves are re-scored on those common
 * items alone (Borda with tied bottom over the common set), so a score means the same in each.
 */

/** One wave: its items (key and label, in display order) and its completed responses. */
export interface WaveInput {
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  /** Held items as indexes into `keys`, highest priority first. */
  readonly packed: PackedResponses;
}

export interface WaveComparisonOptions {
  readonly seed: number;
  readonly resamples: number;
}

/** What pages may say of an item: only an interval that excludes 0 supports "rose" or "fell". */
export type WaveMovement = 'rose' | 'fell' | 'no clear change';

export interface WaveStanding {
  readonly rank: number;
  readonly borda: number;
}

export interface ItemChange {
  readonly key: string;
  /** The later wave's label (an edited label keeps its key). */
  readonly label: string;
  readonly earlier: WaveStanding;
  readonly later: WaveStanding;
  /** Later rank minus earlier rank, on the common items: negative means it moved up. */
  readonly rank_change: number;
  /** Later score minus earlier score, on the common items. */
  readonly borda_change: number;
  /** 95% percentile bootstrap interval of the score difference; null without respondents or resamples. */
  readonly borda_change_interval: [number, number] | null;
  readonly movement: WaveMovement;
}

export interface WaveComparison {
  readonly earlier_respondents: number;
  readonly later_respondents: number;
  readonly options: WaveComparisonOptions;
  /** Common items in the later wave's rank order. */
  readonly items: ItemChange[];
  /** Keys only in the later wave. */
  readonly added: string[];
  /** Keys only in the earlier wave. */
  readonly retired: string[];
}

/**
 * Compares an earlier and a later wave. The bootstrap resamples each wave over its own respondents:
 * resample b draws the earlier wave from SeededRandom(seed, b + 1), as a single survey's bootstrap
 * does, and the later wave from SeededRandom(seed, resamples + b + 1), so the two waves never share
 * a stream and the same seed always gives the same intervals.
 */
export function compareWaves(earlier: WaveInput, later: WaveInput, options: WaveComparisonOptions): WaveComparison {
  const laterIndex = new Map(later.keys.map((key, f) => [key, f]));
  const common = earlier.keys.filter((key) => laterIndex.has(key));
  const commonSet = new Set(common);
  const earlierPacked = restrictTo(earlier, common);
  const laterPacked = restrictTo(later, common);
  const labels = common.map((key) => later.labels[laterIndex.get(key) as number]);
  const before = scoreAndRank(earlierPacked, labels);
  const after = scoreAndRank(laterPacked, labels);
  const intervals = differenceIntervals(earlierPacked, laterPacked, options);
  const items = common.map((key, c): ItemChange => {
    const interval = intervals ? intervals[c] : null;
    return {
      key,
      label: labels[c],
      earlier: { rank: before.ranks[c], borda: before.scores[c] },
      later: { rank: after.ranks[c], borda: after.scores[c] },
      rank_change: after.ranks[c] - before.ranks[c],
      borda_change: after.scores[c] - before.scores[c],
      borda_change_interval: interval,
      movement: movementOf(interval),
    };
  });
  items.sort((x, y) => x.later.rank - y.later.rank);
  return {
    earlier_respondents: earlier.packed.respondentCount,
    later_respondents: later.packed.respondentCount,
    options: { seed: options.seed, resamples: options.resamples },
    items,
    added: later.keys.filter((key) => !commonSet.has(key)),
    retired: earlier.keys.filter((key) => !commonSet.has(key)),
  };
}

/** "rose" or "fell" only when the interval excludes 0; an interval touching 0 is no clear change. */
export function movementOf(interval: readonly [number, number] | null): WaveMovement {
  if (!interval) {
    return 'no clear change';
  }
  if (interval[0] > 0) {
    return 'rose';
  }
  if (interval[1] < 0) {
    return 'fell';
  }
  return 'no clear change';
}

/**
 * One respondent's points per common item in each wave, on the common items (Borda with tied
 * bottom), for "your own change" beside the peers' change: held lists as keys, highest first.
 */
export function ownPoints(commonKeys: readonly string[], held: readonly string[]): number[] {
  const n = commonKeys.length;
  const kept = held.filter((key) => commonKeys.includes(key));
  const unheld = (n - kept.length - 1) / 2;
  return commonKeys.map((key) => {
    const p = kept.indexOf(key);
    return p >= 0 ? n - (p + 1) : unheld;
  });
}

/** The wave's responses over the common items only, each held list keeping its order. */
function restrictTo(wave: WaveInput, common: readonly string[]): PackedResponses {
  const position = new Map(common.map((key, c) => [key, c]));
  const toCommon = wave.keys.map((key) => position.get(key) ?? -1);
  const { heldOffsets, heldItems, respondentCount } = wave.packed;
  const held: number[][] = [];
  for (let i = 0; i < respondentCount; i++) {
    const list: number[] = [];
    for (let e = heldOffsets[i]; e < heldOffsets[i + 1]; e++) {
      const c = toCommon[heldItems[e]];
      if (c >= 0) {
        list.push(c);
      }
    }
    held.push(list);
  }
  return packHeld(common.length, held);
}

/** Scores and rank positions (1-based, by the ranking's own order rule) per common item. */
function scoreAndRank(packed: PackedResponses, labels: readonly string[]): { scores: number[]; ranks: number[] } {
  const figures = standings(itemTotals(packed, pointVectors(packed)));
  const scores = figures.map((s) => s.borda);
  const order = rankOrder(
    scores,
    figures.map((s) => s.incumbency),
    labels,
  );
  const ranks = new Array<number>(labels.length);
  order.forEach((c, r) => (ranks[c] = r + 1));
  return { scores, ranks };
}

/** Per common item, the 95% percentile interval of (later − earlier) score over paired resamples. */
function differenceIntervals(
  earlier: PackedResponses,
  later: PackedResponses,
  options: WaveComparisonOptions,
): [number, number][] | null {
  const B = options.resamples;
  const n = earlier.itemCount;
  if (B <= 0 || earlier.respondentCount === 0 || later.respondentCount === 0) {
    return null;
  }
  const differences = Array.from({ length: n }, () => new Float64Array(B));
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  for (let b = 0; b < B; b++) {
    resampledScores(earlier, new SeededRandom(options.seed, b + 1), before);
    resampledScores(later, new SeededRandom(options.seed, B + b + 1), after);
    for (let c = 0; c < n; c++) {
      differences[c][b] = after[c] - before[c];
    }
  }
  const low = Math.max(Math.ceil(0.025 * B), 1) - 1;
  const high = Math.max(Math.ceil(0.975 * B), 1) - 1;
  return differences.map((values) => {
    values.sort();
    return [values[low], values[high]];
  });
}

/** Mean Borda points per item over one resample of the respondents (m draws with replacement). */
function resampledScores(packed: PackedResponses, random: SeededRandom, out: Float64Array): void {
  const { itemCount: n, respondentCount: m, heldOffsets, heldItems } = packed;
  const times = new Uint32Array(m);
  random.countDraws(times, m);
  out.fill(0);
  let baseSum = 0;
  for (let i = 0; i < m; i++) {
    const count = times[i];
    if (count === 0) {
      continue;
    }
    const start = heldOffsets[i];
    const h = heldOffsets[i + 1] - start;
    const unheld = (n - h - 1) / 2;
    baseSum += count * unheld;
    for (let p = 0; p < h; p++) {
      out[heldItems[start + p]] += count * (n - (p + 1) - unheld);
    }
  }
  for (let c = 0; c < n; c++) {
    out[c] = (out[c] + baseSum) / m;
  }
}
