import type { RankingResult } from '@roundtable/rankings';
import type { PublishedSummary } from './ranking-snapshot.schema';

/** What the home page and the research list show of a published result, kept beside its state. */
export function publishedSummary(surveyId: string, title: string, result: RankingResult): PublishedSummary {
  return {
    surveyId,
    title,
    respondents: result.respondents,
    responseRate: result.response_rate?.rate ?? null,
    top: result.items.slice(0, result.options.top_k).map((i) => i.item),
    skews: (result.skew ?? []).filter((s) => s.skewed && s.toward).map((s) => s.toward as string),
  };
}
