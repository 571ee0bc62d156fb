import type { ItemChange } from '@roundtable/rankings';
import { decimals } from '../console/format';
import { slopeChart, type SlopeItem } from './slope-chart';
import type { WaveTrends } from './wave-trends';

const VERDICTS = { rose: 'Rose', fell: 'Fell', 'no clear change': 'No clear change' } as const;

/** A rank change as people read it: "up 2", "down 1", "same". */
export function rankChangeText(change: number): string {
  return change < 0 ? `up ${-change}` : change > 0 ? `down ${change}` : 'same';
}

/** A score change with its sign, to two decimals ("+0.42", "−0.10", "0.00"). */
export function signedScore(value: number): string {
  const text = Math.abs(value).toFixed(2);
  return text === '0.00' ? text : `${value > 0 ? '+' : '−'}${text}`;
}

/** The wave names used in charts and headings: "Wave 1", "Wave 2", … */
export const waveName = (index: number) => `Wave ${index + 1}`;

/**
 * The trends of a series as a page shows them: the slope chart and, per consecutive pair of waves,
 * each common item's change in rank and score with its interval and what may be said of it. Pure.
 * `minCell`: a wave with fewer respondents shows no figures on member-facing pages (`visible`).
 */
export function trendsModel(trends: WaveTrends, minCell: number, chartId = 'slope-chart') {
  const latestPair = trends.pairs[trends.pairs.length - 1];
  const movementByKey = new Map(latestPair?.items.map((item) => [item.key, item.movement]) ?? []);
  const keys = new Map<string, string>();
  for (const wave of trends.waves) {
    for (const item of wave.items) {
      keys.set(item.key, item.label);
    }
  }
  const slopeItems: SlopeItem[] = [...keys].map(([key, label]) => ({
    key,
    label,
    ranks: trends.waves.map((wave) => wave.items.find((item) => item.key === key)?.rank ?? null),
    movement: movementByKey.get(key) ?? null,
  }));
  const waves = trends.waves.map((wave, w) => ({
    name: waveName(w),
    title: wave.title,
    surveyId: wave.surveyId,
    respondents: wave.respondents,
    belowMinCell: wave.respondents < minCell,
  }));
  const labelOf = (key: string) => keys.get(key) ?? key;
  return {
    waves,
    visible: waves.every((wave) => !wave.belowMinCell),
    chart: slopeChart(
      waves.map((wave) => wave.name),
      slopeItems,
      chartId,
    ),
    pairs: trends.pairs.map((pair, k) => ({
      heading: `${waveName(k)} to ${waveName(k + 1)}`,
      earlierTitle: trends.waves[k].title,
      laterTitle: trends.waves[k + 1].title,
      resamples: pair.options.resamples,
      rows: pair.items.map((item) => changeRow(item)),
      added: pair.added.map(labelOf),
      retired: pair.retired.map(labelOf),
      moved: pair.items.filter((item) => item.movement !== 'no clear change').length,
    })),
  };
}

function changeRow(item: ItemChange) {
  const interval = item.borda_change_interval;
  return {
    key: item.key,
    label: item.label,
    earlierRank: item.earlier.rank,
    laterRank: item.later.rank,
    rankChange: rankChangeText(item.rank_change),
    earlierScore: decimals(item.earlier.borda),
    laterScore: decimals(item.later.borda),
    scoreChange: signedScore(item.borda_change),
    interval: interval ? `${signedScore(interval[0])} to ${signedScore(interval[1])}` : '—',
    movement: item.movement,
    verdict: VERDICTS[item.movement],
  };
}
