import { referenceRanking } from '../spec/reference';
import { itemTotals, pointVectors, rankOrder, standings } from './borda';
import { packHeld } from './packed';

const ITEMS = ['Culture', 'Metrics', 'Strategy', 'Tactics', 'Voice'];

function rank(items: string[], responses: string[][]) {
  const index = new Map(items.map((item, f) => [item, f]));
  const packed = packHeld(
    items.length,
    responses.map((held) => held.map((item) => index.get(item) as number)),
  );
  const figures = standings(itemTotals(packed, pointVectors(packed)));
  return rankOrder(
    figures.map((s) => s.borda),
    figures.map((s) => s.incumbency),
    items,
  ).map((f) => ({
    item: items[f],
    borda: figures[f].borda,
    incumbency: figures[f].incumbency,
    meanRank: figures[f].meanRank,
  }));
}

describe('Borda with tied bottom', () => {
  it('gives the hand-worked scores for a small survey with ties, a single-item holder and an empty held', () => {
    // n = 5. Points by position: 4, 3, 2, 1, 0.
    //   r1 holds Tactics, Metrics       → Tactics 4, Metrics 3, the other three share (2+1+0)/3 = 1
    //   r2 holds Metrics                → Metrics 4, the other four share (3+2+1+0)/4 = 1.5
    //   r3 holds nothing                → all five share (4+3+2+1+0)/5 = 2
    //   r4 holds Tactics, Culture, Metrics → 4, 3, 2; Strategy and Voice share (1+0)/2 = 0.5
    // Voice is held by nobody.
    const result = rank(ITEMS, [['Tactics', 'Metrics'], ['Metrics'], [], ['Tactics', 'Culture', 'Metrics']]);
    expect(result).toEqual([
      { item: 'Tactics', borda: (4 + 1.5 + 2 + 4) / 4, incumbency: 2 / 4, meanRank: 1 },
      { item: 'Metrics', borda: (3 + 4 + 2 + 2) / 4, incumbency: 3 / 4, meanRank: (2 + 1 + 3) / 3 },
      { item: 'Culture', borda: (1 + 1.5 + 2 + 3) / 4, incumbency: 1 / 4, meanRank: 2 },
      { item: 'Strategy', borda: (1 + 1.5 + 2 + 0.5) / 4, incumbency: 0, meanRank: null },
      { item: 'Voice', borda: (1 + 1.5 + 2 + 0.5) / 4, incumbency: 0, meanRank: null },
    ]);
  });

  it('breaks a tie in score by incumbency, then by name', () => {
    // n = 3 (points 2, 1, 0). r1 holds A: A 2, B and C 0.5. r2 holds B: B 2, A and C 0.5.
    // r3 holds C, A, B: C 2, A 1, B 0.
    const result = rank(['B', 'A', 'C'], [['A'], ['B'], ['C', 'A', 'B']]);
    // A: 2 + 0.5 + 1 = 3.5; B: 0.5 + 2 + 0 = 2.5; C: 0.5 + 0.5 + 2 = 3 → A, C, B
    expect(result.map((r) => [r.item, r.borda * 3])).toEqual([
      ['A', 3.5],
      ['C', 3],
      ['B', 2.5],
    ]);
    // Equal scores (1 each) and equal incumbency: by name; then equal scores with different incumbency.
    expect(rank(['Y', 'X'], [['X'], ['Y']]).map((r) => r.item)).toEqual(['X', 'Y']);
    // r1 holds A, B: A 2, B 1, C 0. r2 holds nothing: 1 each. r3 holds C, B: C 2, B 1, A 0.
    // Totals: A 3, B 3, C 3; incumbency A 1/3, B 2/3, C 1/3 → B first, then A and C by name.
    expect(rank(['C', 'B', 'A'], [['A', 'B'], [], ['C', 'B']]).map((r) => r.item)).toEqual(['B', 'A', 'C']);
  });

  it('ranks one respondent by their own order, items not held last and tied in score', () => {
    const result = rank(ITEMS, [['Voice', 'Culture']]);
    expect(result.map((r) => [r.item, r.borda])).toEqual([
      ['Voice', 4],
      ['Culture', 3],
      ['Metrics', 1],
      ['Strategy', 1],
      ['Tactics', 1],
    ]);
  });

  it('gives every item the same score when everybody holds nothing, and no mean rank', () => {
    const result = rank(ITEMS, [[], []]);
    expect(result.every((r) => r.borda === 2 && r.incumbency === 0 && r.meanRank === null)).toBe(true);
  });

  it('matches the dense reference computation on random surveys', () => {
    let state = 12345;
    const next = (k: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % k;
    };
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + next(8);
      const items = Array.from({ length: n }, (_, f) => `item ${String.fromCharCode(97 + f)}`);
      const responses = Array.from({ length: 1 + next(12) }, () => {
        const pool = [...items];
        return Array.from({ length: next(n + 1) }, () => pool.splice(next(pool.length), 1)[0]);
      });
      const expected = referenceRanking(items, responses);
      const actual = rank(items, responses);
      expect(actual.map((r) => r.item)).toEqual(expected.map((r) => r.item));
      actual.forEach((row, k) => {
        expect(row.borda).toBeCloseTo(expected[k].borda, 12);
        expect(row.incumbency).toBeCloseTo(expected[k].incumbency, 12);
        expect(row.meanRank).toEqual(expected[k].meanRank);
      });
    }
  });
});
