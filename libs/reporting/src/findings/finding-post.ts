import { formatMonth } from '@roundtable/core';
import type { RankingResult } from '@roundtable/rankings';
import { attributeLabel } from '../compute/profile-values';
import { tiedRanks } from '../published/publication';
import type { WaveTrends } from '../trends/wave-trends';

/** What a drafted post is written from: one published snapshot and its survey. */
export interface FindingSource {
  surveyId: string;
  title: string;
  /** The number of items members were asked about. */
  itemCount: number;
  /** When the survey was sent and closed (the month the post names). */
  sentAt: Date | null;
  closedAt: Date | null;
  result: RankingResult;
  /** The series' trends when the survey is a wave of another and members may see them. */
  trends: WaveTrends | null;
}

export interface FindingPost {
  title: string;
  markdown: string;
  /** The sentences of the methodology paragraph, for tests and the editor's preview. */
  methodology: string[];
}

const whole = (share: number) => `${Math.round(share * 100)}%`;
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * A blog draft in the council's voice, written from a published snapshot and nothing else: the
 * methodology paragraph states the snapshot's own numbers (who was surveyed and how, the items, the
 * response rate, each skew found and whether weighting changed the top of the order), then the top-k
 * list with ties shown as ties, the chart, the trend where a wave moved beyond its interval, and the
 * link to the full report. A sentence the snapshot cannot support is left out, not softened: no skew
 * sentence without a skew, no "rose" without an interval excluding 0. Pure.
 */
export function draftFindingPost(source: FindingSource, chartUrl: string): FindingPost {
  const { result } = source;
  const k = result.options.top_k;
  const ranks = tiedRanks(result.items, result.respondents);
  const top = result.items.map((item, r) => ({ item: item.item, rank: ranks[r] })).filter((r) => r.rank.rank <= k);
  const methodology = methodologySentences(source);
  const lines = [
    methodology.join(' '),
    '',
    `## The ${top.length} most common accountabilities`,
    '',
    ...top.map((row) => `${row.rank.rank}. ${row.item}${row.rank.label.startsWith('=') ? ' (tied)' : ''}`),
    '',
    `![The ${top.length} most common accountabilities, ranked](${chartUrl})`,
    '',
  ];
  const trend = trendSentence(source.trends);
  if (trend) {
    lines.push('## Since the last wave', '', trend, '');
  }
  lines.push(
    `Members can read [the full report](/reports/${source.surveyId}), with every item's rank, the agreement between respondents and, for their tier, their own answers beside their peers'.`,
  );
  return {
    title: `What ${plural(result.respondents, 'member', 'members')} told us: ${source.title}`,
    markdown: lines.join('\n'),
    methodology,
  };
}

/** The methodology paragraph, sentence by sentence, from the snapshot's figures only. */
export function methodologySentences(source: FindingSource): string[] {
  const { result } = source;
  const sentences: string[] = [];
  const when = source.sentAt ? ` in ${formatMonth(source.sentAt)}` : '';
  const rate = result.response_rate;
  if (rate && rate.rate !== null) {
    sentences.push(
      `The council surveyed ${plural(rate.eligible, 'member', 'members')} by email${when} about ${plural(source.itemCount, 'candidate accountability', 'candidate accountabilities')} of the role: each marked which were theirs today and ranked those they hold by their organisation's priority.`,
      `${result.respondents} answered, a response rate of ${whole(rate.rate)}${rate.bounced > 0 ? ` (${plural(rate.bounced, 'address', 'addresses')} that bounced are not counted as invited)` : ''}.`,
    );
  } else {
    sentences.push(
      `The council asked its members${when} about ${plural(source.itemCount, 'candidate accountability', 'candidate accountabilities')} of the role, and ${plural(result.respondents, 'member', 'members')} answered: each marked which were theirs today and ranked those they hold by their organisation's priority.`,
    );
  }
  sentences.push(
    `Items are ranked by how widely each is held and how highly it is prioritised, with those a member does not hold tied at the bottom of their order.`,
  );
  const skews = (result.skew ?? []).filter((s) => s.skewed && s.toward);
  for (const skew of skews) {
    const row = skew.values.find((v) => v.value === skew.toward);
    if (row) {
      sentences.push(
        `Those who answered were skewed toward ${skew.toward} (${attributeLabel(skew.attribute).toLowerCase()}): ${whole(row.respondent_share)} of respondents against ${whole(row.invited_share)} of members.`,
      );
    }
  }
  const weighted = result.weighted;
  if (skews.length > 0 && weighted && weighted.method !== 'none') {
    const k = result.options.top_k;
    const unweightedTop = result.items.slice(0, k).map((item) => item.item);
    const weightedTop = weighted.items.slice(0, k).map((item) => item.item);
    const same = unweightedTop.every((item, r) => weightedTop[r] === item);
    sentences.push(
      same
        ? `Weighting the answers to match the membership leaves the top ${k} in the same order.`
        : `Weighting the answers to match the membership changes the order within the top ${k}; the full report shows both.`,
    );
  }
  return sentences;
}

/** Only items whose interval of change excludes 0 are said to have moved. */
function trendSentence(trends: WaveTrends | null): string | null {
  const pair = trends?.pairs[trends.pairs.length - 1];
  if (!pair) {
    return null;
  }
  const rose = pair.items.filter((item) => item.movement === 'rose').map((item) => item.label);
  const fell = pair.items.filter((item) => item.movement === 'fell').map((item) => item.label);
  if (rose.length === 0 && fell.length === 0) {
    return 'Compared with the previous wave, no item moved by more than sampling alone would explain.';
  }
  const parts = [rose.length ? `${rose.join(', ')} rose` : '', fell.length ? `${fell.join(', ')} fell` : ''].filter(
    Boolean,
  );
  return `Compared with the previous wave, ${parts.join(' and ')}, each by more than sampling alone would explain; the other items moved within it.`;
}
