import { mayShow, publishedMinimum, publishRefusal, tiedRanks } from './publication';

describe('publishRefusal and mayShow', () => {
  it('refuses fewer respondents than min_cell and takes exactly min_cell', () => {
    expect(publishRefusal(1, 5)).toBe(
      'Only 1 member has answered. A result is published only when at least 5 have, so that no member’s ' +
        'answers can be singled out; wait for more answers and recompute.',
    );
    expect(publishRefusal(4, 5)).toContain('Only 4 members have answered');
    expect(publishRefusal(5, 5)).toBeNull();
    expect(publishRefusal(7, 8)).toContain('at least 8 have');
    expect(publishRefusal(8, 8)).toBeNull();
    expect([mayShow(4, 5), mayShow(5, 5), mayShow(0, 5)]).toEqual([false, true, false]);
  });

  it('never goes below the five the privacy page promises, whatever min_cell a result was computed with', () => {
    expect(publishedMinimum(1)).toBe(5);
    expect(publishedMinimum(undefined)).toBe(5);
    expect(publishRefusal(3, 1)).toContain('at least 5 have');
    expect(mayShow(3, 1)).toBe(false);
    expect(mayShow(undefined, 5)).toBe(false);
  });
});

describe('tiedRanks', () => {
  it('labels items with the same Borda score as tied at the best of their positions', () => {
    const scores = [9, 7.5, 6, 6, 6, 4, 3.5, 3.5].map((borda) => ({ borda }));
    expect(tiedRanks(scores, 10).map((r) => r.label)).toEqual(['1', '2', '=3', '=3', '=3', '6', '=7', '=7']);
    expect(tiedRanks(scores, 10).map((r) => r.rank)).toEqual([1, 2, 3, 3, 3, 6, 7, 7]);
  });

  it('compares the totals of half-points, so a mean that floating point rounds differently is still tied', () => {
    // 3 respondents: totals 7 and 7 give 7/3; a score computed along another path may differ in its last bit.
    const a = 7 / 3;
    const b = a + Number.EPSILON * 2;
    expect(a === b).toBe(false);
    expect(tiedRanks([{ borda: a }, { borda: b }], 3).map((r) => r.label)).toEqual(['=1', '=1']);
    // Half a point apart in total is not a tie.
    expect(tiedRanks([{ borda: 7.5 / 3 }, { borda: 7 / 3 }], 3).map((r) => r.label)).toEqual(['1', '2']);
  });
});
