import { formatDay, parseDay } from './dates';
import { computeCensus } from './compute';
import type { CensusTenure } from './exchange';
import { packRoster } from './roster';
import {
  durations,
  kaplanMeier,
  meanCompletedMonths,
  medianMonths,
  restrictedMeanMonths,
  survivalAt,
} from './survival';

const M = 30.4375;
const AS_OF = '2010-01-01';
const A = parseDay(AS_OF) as number;
const base = parseDay('2000-01-01') as number;
const ended = (id: string, from: number, days: number): CensusTenure => ({
  id,
  person: id,
  company: id,
  start: formatDay(base + from),
  end: formatDay(base + from + days),
});
const open = (id: string, days: number): CensusTenure => ({ id, person: id, company: id, start: formatDay(A - days) });

function curveOf(tenures: CensusTenure[]) {
  const spans = durations(packRoster(tenures, A));
  return { spans, curve: kaplanMeier(spans) };
}

describe('Kaplan–Meier tenure figures', () => {
  // Durations in days: 100 ended twice (a tie), 100 censored (at the same time as those events),
  // 200 ended, 300 censored. By hand: at 100 days 5 at risk, 2 end: S = 3/5; at 200 days 2 at risk
  // (the tenure censored at 100 is no longer), 1 ends: S = 3/5 × 1/2 = 0.3.
  const tied = [ended('a', 0, 100), ended('b', 10, 100), open('c', 100), ended('d', 0, 200), open('e', 300)];

  it('counts tied events together and keeps a tenure censored at an event time at risk at it', () => {
    const { curve } = curveOf(tied);
    expect(Array.from(curve.times)).toEqual([100, 200]);
    expect(Array.from(curve.survival)).toEqual([0.6, 0.3]);
    expect([curve.tenures, curve.ended]).toEqual([5, 3]);
  });

  it('reads S as a right-continuous step function held after the last duration', () => {
    const { curve } = curveOf(tied);
    expect(survivalAt(curve, 3)).toBe(1);
    expect(survivalAt(curve, 100 / M)).toBe(0.6);
    expect(survivalAt(curve, 4)).toBe(0.6);
    expect(survivalAt(curve, 12)).toBe(0.3);
    expect(survivalAt(curve, 600)).toBe(0.3);
  });

  it('gives the median as the first time S falls to 0.5 or below, the restricted mean as the area under S', () => {
    const { spans, curve } = curveOf(tied);
    expect(medianMonths(curve)).toBeCloseTo(200 / M, 12);
    // τ = 12 months = 365.25 days: 1 × 100 + 0.6 × 100 + 0.3 × 165.25 = 209.575 days.
    expect(restrictedMeanMonths(curve, 12)).toBeCloseTo(209.575 / M, 12);
    // τ before the first event: the whole area is 1 × τ.
    expect(restrictedMeanMonths(curve, 2)).toBeCloseTo(2, 12);
    expect(meanCompletedMonths(spans)).toBeCloseTo(400 / 3 / M, 12);
  });

  it('takes a median where S lands exactly on 0.5', () => {
    // 100 ended (4 at risk: S = 3/4), 200 ended (3 at risk: S = 3/4 × 2/3 = 1/2).
    const { curve } = curveOf([ended('a', 0, 100), ended('b', 0, 200), open('c', 300), open('d', 400)]);
    expect(curve.survival[1]).toBeCloseTo(0.5, 15);
    expect(medianMonths(curve)).toBeCloseTo(200 / M, 12);
  });

  it('has no median and no completed mean when no tenure has ended', () => {
    const result = computeCensus({ as_of: AS_OF, tenures: [open('a', 100), open('b', 900)] });
    expect(result.tenure).toEqual({
      tenures: 2,
      ended: 0,
      censored: 2,
      median_months: null,
      restricted_mean_months: 120,
      survival: [12, 24, 36, 60].map((months) => ({ months, share: 1 })),
      mean_completed_months: null,
    });
  });

  it('stops the area when every tenure has ended', () => {
    // 30 and 60 days, both ended: S = 1/2 then 0; area = 30 + 0.5 × 30 = 45 days.
    const { curve } = curveOf([ended('a', 0, 30), ended('b', 0, 60)]);
    expect(Array.from(curve.survival)).toEqual([0.5, 0]);
    expect(medianMonths(curve)).toBeCloseTo(30 / M, 12);
    expect(restrictedMeanMonths(curve, 120)).toBeCloseTo(45 / M, 12);
  });

  it('counts an empty roster as no tenures with S = 1 throughout', () => {
    const { spans, curve } = curveOf([]);
    expect([curve.tenures, medianMonths(curve), restrictedMeanMonths(curve, 24), meanCompletedMonths(spans)]).toEqual([
      0,
      null,
      24,
      null,
    ]);
  });
});
