import type { RankingResult } from '@roundtable/rankings';
import { tiedRanks } from '../published/publication';
import type { PublishedSummary } from './ranking-snapshot.schema';

/**
 * What the home page and the research list show of a published result, kept beside its state. The
 * top k are the items ranked within k with ties shown as ties, so an item tied with the k-th is in
 * (the order among tied items is no finding).
 */
export function publishedSummary(surveyId: string, title: string, result: RankingResult): PublishedSummary {
  const ranks = tiedRanks(result.items, result.respondents);
  const top = result.items
    .map((item, k) => ({ item: item.item, rank: ranks[k] }))
    .filter((r) => r.rank.rank <= result.options.top_k);
  return {
    surveyId,
    title,
    respondents: result.respondents,
    minCell: result.options.min_cell,
    responseRate: result.response_rate?.rate ?? null,
    top: top.map((r) => r.item),
    topRanks: top.map((r) => r.rank.label),
    skews: (result.skew ?? []).filter((s) => s.skewed && s.toward).map((s) => s.toward as string),
  };
}
