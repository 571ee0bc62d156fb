import { computeCensus, computeCensusWithCurve } from './compute';
import type { CensusDocument, CensusTenure } from './exchange';

const M = 30.4375;
const t = (id: string, person: string, company: string, start: string, end?: string): CensusTenure => ({
  id,
  person,
  company,
  start,
  ...(end ? { end } : {}),
});

// Census date 2005-06-15. Worked by hand below.
const roster: CensusDocument = {
  as_of: '2005-06-15',
  tenures: [
    t('p1a', 'p1', 'c1', '2003-03-01', '2004-02-01'),
    t('p1b', 'p1', 'c2', '2004-02-01'), // the same person, next company, the day the first tenure ends
    t('p2', 'p2', 'c3', '2002-07-01', '2006-01-01'), // ends after the census date: in the role on it
    t('p3', 'p3', 'c4', '2005-06-15'), // starts on the census date
    t('p4', 'p4', 'c5', '2005-07-01'), // starts after it: left out
    t('p5', 'p5', 'c1', '2003-01-01', '2003-06-01'),
    t('p6a', 'p6', 'c6', '2004-01-01', '2005-01-01'),
    t('p6b', 'p6', 'c7', '2004-06-01'), // overlaps p6's first tenure: p6 is one person in the role
  ],
  reference_lists: [
    { name: 'List 2004', date: '2004-06-01', companies: ['c1', 'c2', 'c3', 'c6', 'c9'] },
    { name: 'List after', date: '2005-07-01', companies: ['c5', 'c3'] },
  ],
};

describe('computeCensus', () => {
  const result = computeCensus(roster);

  it('counts distinct persons on 1 January of each year from the first start, then on the census date', () => {
    // 2002: nobody yet. 2003: p2, p5 (starts that day). 2004: p2, p1 (c1), p6 (c6 starts that day).
    // 2005: p2, p1 (c2), p6 (c7; c6 ended that day). Census date: those three and p3, who starts on it.
    expect(result.population).toEqual([
      { date: '2002-01-01', count: 0 },
      { date: '2003-01-01', count: 2 },
      { date: '2004-01-01', count: 3 },
      { date: '2005-01-01', count: 3 },
      { date: '2005-06-15', count: 4 },
    ]);
  });

  it('counts tenures arriving and departing per year, zeros included, leaving out ends after the census date', () => {
    expect(result.arrivals).toEqual([
      { year: 2002, count: 1 },
      { year: 2003, count: 2 },
      { year: 2004, count: 3 },
      { year: 2005, count: 1 },
    ]);
    expect(result.departures).toEqual([
      { year: 2002, count: 0 },
      { year: 2003, count: 1 },
      { year: 2004, count: 1 },
      { year: 2005, count: 1 },
    ]);
  });

  it('treats a tenure ending after the census date as censored, and one starting on it as lasting 0 days', () => {
    expect(result.tenure).toMatchObject({ tenures: 7, ended: 3, censored: 4 });
    // Ended: p5 151 days, p1a 337, p6a 366. Censored at the census date: p3 0, p6b 379, p1b 500, p2 1080.
    // 151: 6 at risk (p3 left at 0) → 5/6; 337: 5 at risk → 5/6 × 4/5 = 2/3;
    // 366: 4 at risk → 2/3 × 3/4 = 1/2, so the median is 366 days; 12 months = 365.25 days comes before it.
    expect(result.tenure.median_months).toBeCloseTo(366 / M, 12);
    expect(result.tenure.survival).toEqual([
      { months: 12, share: expect.closeTo(2 / 3, 12) as number },
      { months: 24, share: expect.closeTo(1 / 2, 12) as number },
      { months: 36, share: expect.closeTo(1 / 2, 12) as number },
      { months: 60, share: expect.closeTo(1 / 2, 12) as number },
    ]);
    expect(result.tenure.mean_completed_months).toBeCloseTo((151 + 337 + 366) / 3 / M, 12);
    const area = 151 + (5 / 6) * (337 - 151) + (2 / 3) * (366 - 337) + (1 / 2) * (120 * M - 366);
    expect(result.tenure.restricted_mean_months).toBeCloseTo(area / M, 10);
  });

  it('covers a reference list with the companies that had someone in the role on its date', () => {
    expect(result.coverage).toEqual([
      // c2 (p1), c3 (p2), c6 (p6) on 2004-06-01; c1's tenure ended in February; c9 has none.
      { name: 'List 2004', date: '2004-06-01', companies: 5, covered: 3, share: 0.6 },
      // c5's tenure starts after the census date, so it is left out; c3's end is after it.
      { name: 'List after', date: '2005-07-01', companies: 2, covered: 1, share: 0.5 },
    ]);
  });

  it('gives no segments without profiles and the survival curve beside the result', () => {
    expect(result.segments).toBeUndefined();
    const { curve } = computeCensusWithCurve(roster);
    expect(curve.map((step) => step.months * M)).toEqual([151, 337, 366].map((d) => expect.closeTo(d, 9) as number));
  });

  it('uses today when the document names no census date, and leaves out tenures starting after it', () => {
    const { as_of: asOf, ...rest } = roster;
    expect(asOf).toBe('2005-06-15');
    const early = computeCensus(rest, '2003-02-01');
    expect(early.as_of).toBe('2003-02-01');
    expect(early.tenure.tenures).toBe(2);
    expect(early.population).toEqual([
      { date: '2002-01-01', count: 0 },
      { date: '2003-01-01', count: 2 },
      { date: '2003-02-01', count: 2 },
    ]);
  });

  it('lists a census date on 1 January once', () => {
    expect(computeCensus({ ...roster, as_of: '2004-01-01' }).population.map((p) => p.date)).toEqual([
      '2002-01-01',
      '2003-01-01',
      '2004-01-01',
    ]);
  });

  it('shows a segment cut only when it has min_cell tenures', () => {
    const big = { revenue: '>$1B' };
    const doc: CensusDocument = {
      as_of: '2010-01-01',
      tenures: [
        { person: 'a', company: 'a', start: '2009-01-01', end: '2009-03-02', profile: big },
        { person: 'b', company: 'b', start: '2009-01-01', profile: big },
        { person: 'c', company: 'c', start: '2008-01-01', profile: big },
        { person: 'd', company: 'd', start: '2008-01-01', profile: { revenue: '<$100M' } },
        { person: 'e', company: 'e', start: '2008-01-01' },
      ],
      options: { min_cell: 2 },
    };
    const [revenue] = computeCensus(doc).segments ?? [];
    expect(revenue.attribute).toBe('revenue');
    expect(revenue.min_cell).toBe(2);
    expect(revenue.values[0]).toEqual({
      value: '>$1B',
      tenures: 3,
      shown: true,
      population: 2,
      // One of three ends at 60 days: S = 2/3, no median; completed mean 60 days.
      median_months: null,
      restricted_mean_months: expect.closeTo((60 + (2 / 3) * (120 * M - 60)) / M, 10) as number,
      mean_completed_months: expect.closeTo(60 / M, 12) as number,
    });
    expect(revenue.values.slice(1)).toEqual([
      { value: '<$100M', tenures: 1, shown: false },
      { value: '(not given)', tenures: 1, shown: false },
    ]);
  });
});
