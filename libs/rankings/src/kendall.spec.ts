import { referenceKendallW } from '../spec/reference';
import { kendallW } from './kendall';
import { packHeld } from './packed';

function w(items: string[], responses: string[][]) {
  const index = new Map(items.map((item, f) => [item, f]));
  return kendallW(
    packHeld(
      items.length,
      responses.map((held) => held.map((item) => index.get(item) as number)),
    ),
  );
}

describe('kendallW', () => {
  it('is 1 when every respondent gives the same full order, and 0 for two opposite orders', () => {
    expect(
      w(
        ['a', 'b', 'c'],
        [
          ['a', 'b', 'c'],
          ['a', 'b', 'c'],
          ['a', 'b', 'c'],
        ],
      ),
    ).toBeCloseTo(1, 12);
    expect(
      w(
        ['a', 'b', 'c'],
        [
          ['a', 'b', 'c'],
          ['c', 'b', 'a'],
        ],
      ),
    ).toBe(0);
  });

  it('applies the tie correction (hand-worked)', () => {
    // n = 3, m = 3. Ranks: r1 B 1, A 2, C 3; r2 A 1, B and C 2.5; r3 all 2.
    // R = A 5, B 5.5, C 7.5; mean m(n+1)/2 = 6; S = 1 + 0.25 + 2.25 = 3.5.
    // Ties: r2 one group of 2 → 6; r3 one group of 3 → 24; ΣT = 30.
    // W = 12·3.5 / (9·24 − 3·30) = 42 / 126 = 1/3. Without the correction it would be 42/216.
    expect(w(['A', 'B', 'C'], [['B', 'A'], ['A'], []])).toBeCloseTo(1 / 3, 14);
  });

  it('is undefined (null) without respondents, with one item, or when everyone ties everything', () => {
    expect(w(['a', 'b'], [])).toBeNull();
    expect(w(['a'], [['a'], []])).toBeNull();
    expect(w(['a', 'b', 'c'], [[], []])).toBeNull();
  });

  it('matches the textbook formula over dense rank matrices on random surveys', () => {
    let state = 777;
    const next = (k: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % k;
    };
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + next(7);
      const items = Array.from({ length: n }, (_, f) => `i${f}`);
      const responses = Array.from({ length: 1 + next(10) }, () => {
        const pool = [...items];
        return Array.from({ length: next(n + 1) }, () => pool.splice(next(pool.length), 1)[0]);
      });
      const expected = referenceKendallW(items, responses);
      const actual = w(items, responses);
      if (expected === null) {
        expect(actual).toBeNull();
      } else {
        expect(actual).toBeCloseTo(expected, 12);
      }
    }
  });
});
