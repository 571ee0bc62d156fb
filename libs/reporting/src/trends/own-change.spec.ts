import { ownChange } from './own-change';
import { computeTrends } from './wave-trends';

const ITEMS = ['a', 'b', 'c', 'd'].map((key) => ({ key, label: key.toUpperCase() }));

describe('ownChange', () => {
  const trends = computeTrends(
    [
      { surveyId: 'w1', title: 'One', items: ITEMS, held: [['a', 'b'], ['a'], ['b', 'c']] },
      { surveyId: 'w2', title: 'Two', items: ITEMS.slice(0, 3), held: [['b', 'a'], ['b'], ['c']] },
    ],
    { seed: 1, resamples: 50 },
  );

  it("gives the member's own position among the common items in each wave beside the peers' ranks", () => {
    // d is not asked in the second wave, so the first wave's [d, c, a] counts as [c, a] (c first).
    const rows = ownChange(trends, ['d', 'c', 'a'], ['a', 'b']);
    const byLabel = new Map(rows?.map((row) => [row.label, row]));
    expect(byLabel.get('A')).toMatchObject({ yourEarlier: 2, yourLater: 1, yourChange: 'up 1' });
    expect(byLabel.get('B')).toMatchObject({ yourEarlier: null, yourLater: 2, yourChange: 'newly yours' });
    expect(byLabel.get('C')).toMatchObject({ yourEarlier: 1, yourLater: null, yourChange: 'no longer yours' });
    const pair = trends.pairs[0];
    expect(byLabel.get('A')?.peerEarlier).toBe(pair.items.find((item) => item.key === 'a')?.earlier.rank);
    expect(byLabel.get('A')?.peerLater).toBe(pair.items.find((item) => item.key === 'a')?.later.rank);
  });

  it('says when an item was the same or not theirs in either wave, and gives nothing without a pair', () => {
    const rows = ownChange(trends, ['a'], ['a']);
    expect(rows?.find((row) => row.label === 'A')?.yourChange).toBe('same');
    expect(rows?.find((row) => row.label === 'C')?.yourChange).toBe('not yours in either wave');
    expect(ownChange({ waves: trends.waves.slice(0, 1), pairs: [] }, ['a'], ['a'])).toBeNull();
  });
});
