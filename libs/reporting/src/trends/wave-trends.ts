import {
  compareWaves,
  itemTotals,
  packHeld,
  pointVectors,
  rankOrder,
  standings,
  type WaveComparison,
} from '@roundtable/rankings';

/** One wave as read for trends: its items and its completed responses' held keys (highest first). */
export interface WaveResponses {
  readonly surveyId: string;
  readonly title: string;
  readonly items: readonly { key: string; label: string }[];
  readonly held: readonly (readonly string[])[];
}

/** One wave's own ranking, by item key (each wave ranked over all of its own items). */
export interface WaveRanks {
  surveyId: string;
  title: string;
  respondents: number;
  items: { key: string; label: string; rank: number }[];
}

/** A series' trends, stored with the latest wave's snapshot and read by the console and reports. */
export interface WaveTrends {
  waves: WaveRanks[];
  /** Each wave beside the one before it, oldest pair first. */
  pairs: (WaveComparison & { earlier_survey: string; later_survey: string })[];
}

/**
 * Trends of a series of waves, oldest first: every wave's own rank of each of its items (the slope
 * chart), and each consecutive pair compared on their common items with the bootstrap interval of
 * the score change (libs/rankings compareWaves). Pure: the worker reads the waves, tests build them.
 */
export function computeTrends(
  waves: readonly WaveResponses[],
  options: { seed: number; resamples: number },
): WaveTrends {
  const inputs = waves.map((wave) => {
    const keys = wave.items.map((item) => item.key);
    const index = new Map(keys.map((key, f) => [key, f]));
    const held = wave.held.map((list) =>
      [...new Set(list)].filter((key) => index.has(key)).map((key) => index.get(key) as number),
    );
    return { keys, labels: wave.items.map((item) => item.label), packed: packHeld(keys.length, held) };
  });
  const ranked = waves.map((wave, w): WaveRanks => {
    const { packed, labels, keys } = inputs[w];
    const figures = standings(itemTotals(packed, pointVectors(packed)));
    const order = rankOrder(
      figures.map((s) => s.borda),
      figures.map((s) => s.incumbency),
      labels,
    );
    return {
      surveyId: wave.surveyId,
      title: wave.title,
      respondents: packed.respondentCount,
      items: order.map((f, r) => ({ key: keys[f], label: labels[f], rank: r + 1 })),
    };
  });
  const pairs = waves.slice(1).map((wave, k) => ({
    earlier_survey: waves[k].surveyId,
    later_survey: wave.surveyId,
    ...compareWaves(inputs[k], inputs[k + 1], options),
  }));
  return { waves: ranked, pairs };
}
