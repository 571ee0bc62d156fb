import { segmentDeltas, segmentFigure, segmentRecount, segmentsFromCounts, type SegmentRow } from './segments';
import { planTargetedRound, segmentGaps } from './skew-targets';

const rows = (dimension: string, counts: Array<[string, number, number]>): SegmentRow[] =>
  counts.map(([value, invited, completed]) => ({ dimension, value, invited, completed }));

describe(planTargetedRound.name, () => {
  it('picks the segment that trails by 25 points and projects the gaps at the current rate (worked by hand)', () => {
    // council 20 invited, 12 answered; executive 20 invited, 4 answered: 16 of 40 answered (rate 0.4).
    // Shares: council 50% invited, 12/16 = 75% of respondents (+25); executive 50%, 4/16 = 25% (−25).
    // Executive's 16 non-responders answering at 0.4 add 6.4: executive 10.4 of 22.4 = 46.43% (−3.57).
    const [tier] = segmentGaps(
      rows('tier', [
        ['council', 20, 12],
        ['executive', 20, 4],
      ]),
    );
    expect(tier.rows.map((row) => row.gapPp)).toEqual([25, -25]);
    const plan = planTargetedRound(tier, 10);
    expect(plan.values).toEqual(['executive']);
    expect(plan.emails).toBe(16);
    expect(plan.rate).toBe(0.4);
    expect(plan.skewPp).toBe(25);
    expect(plan.projected[0]).toMatchObject({ value: 'council', picked: false });
    expect(plan.projected[0].projectedGapPp).toBeCloseTo((12 / 22.4 - 0.5) * 100, 10);
    expect(plan.projected[1].projectedGapPp).toBeCloseTo(-3.5714285714, 8);
    expect(plan.projectedSkewPp).toBeCloseTo(3.5714285714, 8);
  });

  it('picks a segment that trails by exactly the threshold (compared on counts, where shares give 9.999… points)', () => {
    // A: 10 invited of 20 (50%), 4 answered of 10 (40%): exactly 10 points below.
    const [revenue] = segmentGaps(
      rows('revenue', [
        ['A', 10, 4],
        ['B', 10, 6],
      ]),
    );
    expect(revenue.rows[0].gapPp).toBeGreaterThan(-10);
    expect(planTargetedRound(revenue, 10).values).toEqual(['A']);
    expect(planTargetedRound(revenue, 10).emails).toBe(6);
    expect(planTargetedRound(revenue, 11).values).toEqual([]);
    expect(planTargetedRound(revenue, 11).emails).toBe(0);
  });

  it('picks nothing before anyone has answered (no respondent shares to compare)', () => {
    const [tier] = segmentGaps(
      rows('tier', [
        ['council', 30, 0],
        ['executive', 10, 0],
      ]),
    );
    const plan = planTargetedRound(tier, 10);
    expect(plan).toMatchObject({ values: [], emails: 0, skewPp: 0, projectedSkewPp: 0 });
  });

  it('picks every trailing segment of a dimension and sums their non-responders', () => {
    // 100 invited: a 50 (40 answered), b 25 (5), c 25 (5); 50 answered. Shares of respondents: 80%,
    // 10%, 10% against 50%, 25%, 25%: b and c trail by 15 points each.
    const [band] = segmentGaps(
      rows('revenue', [
        ['a', 50, 40],
        ['b', 25, 5],
        ['c', 25, 5],
      ]),
    );
    const plan = planTargetedRound(band, 15);
    expect(plan.values).toEqual(['b', 'c']);
    expect(plan.emails).toBe(40);
    expect(planTargetedRound(band, 16).values).toEqual([]);
  });
});

describe(segmentsFromCounts.name, () => {
  it('reads the segment figures out of a survey’s counters and ignores the others', () => {
    const counts = {
      invited: 3,
      completed: 1,
      [segmentFigure('invited', 'revenue', '>$1B|B2B')]: 2,
      [segmentFigure('completed', 'revenue', '>$1B|B2B')]: 1,
      [segmentFigure('invited', 'tier', 'council')]: 3,
      [segmentFigure('completed', 'tier', 'ghost')]: 1,
    };
    expect(segmentsFromCounts(counts)).toEqual([
      { dimension: 'revenue', value: '>$1B|B2B', invited: 2, completed: 1 },
      { dimension: 'tier', value: 'council', invited: 3, completed: 0 },
    ]);
  });

  it('names an invitation’s deltas and a recount alike, so the reconcile job corrects the live figures', () => {
    const deltas = segmentDeltas({ _id: 'x', tier: 'council', profile: { revenueBand: 'Over $1B' } }, 'completed');
    const recount = segmentRecount([{ dimension: 'tier', value: 'council', invited: 4, completed: 2 }]);
    expect(Object.keys(deltas).sort()).toEqual([
      segmentFigure('completed', 'revenue', 'Over $1B'),
      segmentFigure('completed', 'tier', 'council'),
    ]);
    expect(recount[segmentFigure('completed', 'tier', 'council')]).toBe(2);
    expect(recount[segmentFigure('invited', 'tier', 'council')]).toBe(4);
  });
});
