import { computeRanking, type RankingResult } from '@roundtable/rankings';
import { computeTrends } from '../trends/wave-trends';
import { draftFindingPost, methodologySentences, type FindingSource } from './finding-post';

const ITEMS = ['Tactics', 'Experience', 'Metrics', 'Culture'];

/** 30 respondents: 20 at >$1B of 30 invited there, 10 at <$100M of 30 invited there (a skew). */
function result(skewed: boolean): RankingResult {
  const responses = Array.from({ length: 30 }, (_, k) => ({
    held: k % 3 === 0 ? ['Experience', 'Tactics'] : ['Tactics', 'Metrics'],
    profile: { revenueBand: skewed ? (k < 20 ? '>$1B' : '<$100M') : k % 2 === 0 ? '>$1B' : '<$100M' },
  }));
  const invited = Array.from({ length: 60 }, (_, k) => ({ profile: { revenueBand: k % 2 === 0 ? '>$1B' : '<$100M' } }));
  return computeRanking(
    { items: ITEMS, responses, invited, options: { seed: 1, resamples: 100, top_k: 3, min_cell: 5 } },
    { invited: 62, bounced: 2, partial: 4 },
  );
}

function source(r: RankingResult, trends: FindingSource['trends'] = null): FindingSource {
  return {
    surveyId: 's1',
    title: 'Accountabilities 2026',
    itemCount: ITEMS.length,
    sentAt: new Date('2026-03-02T09:00:00Z'),
    closedAt: new Date('2026-04-01T09:00:00Z'),
    result: r,
    trends,
  };
}

describe('draftFindingPost', () => {
  it("states the snapshot's own numbers: who was surveyed, how many items, the response rate and the skew", () => {
    const r = result(true);
    const sentences = methodologySentences(source(r));
    expect(r.response_rate).toMatchObject({ eligible: 60, completed: 30, rate: 0.5, bounced: 2 });
    expect(sentences[0]).toBe(
      "The council surveyed 60 members by email in March 2026 about 4 candidate accountabilities of the role: each marked which were theirs today and ranked those they hold by their organisation's priority.",
    );
    expect(sentences[1]).toBe(
      '30 answered, a response rate of 50% (2 addresses that bounced are not counted as invited).',
    );
    const skew = r.skew?.find((s) => s.attribute === 'revenueBand');
    expect(skew).toMatchObject({ skewed: true, toward: '>$1B' });
    expect(sentences).toContain(
      'Those who answered were skewed toward >$1B (revenue): 67% of respondents against 50% of members.',
    );
    expect(sentences.some((s) => s.startsWith('Weighting the answers'))).toBe(true);
  });

  it('says nothing of skew or weighting when the respondents match the members', () => {
    const r = result(false);
    expect(r.skew?.some((s) => s.skewed)).toBe(false);
    const text = methodologySentences(source(r)).join(' ');
    expect(text).not.toMatch(/skew|weight/i);
  });

  it('lists the top k with ties, the chart and the link to the full report', () => {
    const post = draftFindingPost(source(result(false)), '/research/s1/card.png');
    expect(post.title).toBe('What 30 members told us: Accountabilities 2026');
    expect(post.markdown).toContain('## The 3 most common accountabilities\n\n1. Tactics\n2. Metrics\n3. Experience');
    expect(post.markdown).toContain('![The 3 most common accountabilities, ranked](/research/s1/card.png)');
    expect(post.markdown).toContain('[the full report](/reports/s1)');
    expect(post.markdown).not.toContain('Since the last wave');
  });

  it('says an item rose only where the interval of its change excludes zero', () => {
    const items = ITEMS.map((label, f) => ({ key: `i${f}`, label }));
    const wave = (lists: string[][], id: string) => ({ surveyId: id, title: id, items, held: lists });
    const same = Array.from({ length: 40 }, (_, k) => (k % 2 ? ['i0', 'i1'] : ['i1', 'i2']));
    const quiet = computeTrends([wave(same, 'a'), wave(same, 'b')], { seed: 3, resamples: 300 });
    const quietPost = draftFindingPost(source(result(false), quiet), '/c.png').markdown;
    expect(quietPost).toContain('no item moved by more than sampling alone would explain');
    expect(quietPost).not.toMatch(/ rose| fell/);

    const shifted = Array.from({ length: 40 }, () => ['i3', 'i1']);
    const moved = computeTrends([wave(same, 'a'), wave(shifted, 'b')], { seed: 3, resamples: 300 });
    const rose = moved.pairs[0].items.filter((item) => item.movement === 'rose').map((item) => item.label);
    expect(rose).toContain('Culture');
    const movedPost = draftFindingPost(source(result(false), moved), '/c.png').markdown;
    expect(movedPost).toContain(`Compared with the previous wave, ${rose.join(', ')} rose`);
  });
});
