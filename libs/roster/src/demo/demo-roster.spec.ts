import { computeCensus, parseCensus } from '@roundtable/census';
import { rosterDocument } from '../compute/roster-document';
import { demoRoster } from './demo-roster';

describe('demoRoster', () => {
  const { tenures, list } = demoRoster('2026-12-03');
  const doc = rosterDocument(tenures, [list], '2026-12-03').doc;
  const result = computeCensus(parseCensus(JSON.parse(JSON.stringify(doc))));
  const on = (date: string) => result.population.find((point) => point.date === date)!.count;

  it('has the published shape: under 30 in 2003, about 450 at the end of 2010', () => {
    expect(on('2003-01-01')).toBeLessThan(30);
    expect(on('2003-01-01')).toBeGreaterThan(10);
    expect(on('2011-01-01')).toBeGreaterThanOrEqual(430);
    expect(on('2011-01-01')).toBeLessThanOrEqual(470);
  });

  it('has a median tenure near 29 months, above the mean of completed tenures', () => {
    expect(result.tenure.median_months).toBeGreaterThan(26);
    expect(result.tenure.median_months).toBeLessThan(32);
    expect(result.tenure.mean_completed_months!).toBeLessThan(result.tenure.restricted_mean_months);
  });

  it('covers under 10% of the 500-company list, matching names written with suffixes', () => {
    const [coverage] = result.coverage;
    expect(coverage.companies).toBe(500);
    expect(coverage.covered).toBeGreaterThan(0);
    expect(coverage.share!).toBeLessThan(0.1);
  });

  it('is the same roster every time for one date, with some people holding two tenures', () => {
    expect(demoRoster('2026-12-03').tenures).toEqual(tenures);
    expect(new Set(tenures.map((t) => t.personKey)).size).toBeLessThan(tenures.length);
  });
});
