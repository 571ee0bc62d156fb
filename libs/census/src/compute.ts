import { DAYS_PER_MONTH, formatDay, parseDay, todayIso } from './dates';
import { coverage } from './coverage';
import { resolveCensusOptions, type CensusDocument, type CensusOptions } from './exchange';
import { arrivalsAndDepartures, populationOn, populationSeries } from './population';
import type { CensusResult, CensusSegmentTable, TenureFigures } from './result';
import { packRoster, selectTenures, type PackedRoster } from './roster';
import {
  durations,
  kaplanMeier,
  meanCompletedMonths,
  medianMonths,
  restrictedMeanMonths,
  survivalAt,
  type SurvivalCurve,
} from './survival';

/** The label of a tenure whose profile lacks an attribute (as in the survey segments). */
export const NOT_GIVEN = '(not given)';

export interface CensusComputation {
  result: CensusResult;
  /** The whole survival curve, for the chart: months and S just after each event time. */
  curve: { months: number; share: number }[];
}

/**
 * Computes the whole census of docs/research.md from a checked document (parseCensus) on its
 * census date, or on `today` when the document names none. The same inputs give the same output.
 */
export function computeCensus(doc: CensusDocument, today: string = todayIso()): CensusResult {
  return computeCensusWithCurve(doc, today).result;
}

export function computeCensusWithCurve(doc: CensusDocument, today: string = todayIso()): CensusComputation {
  const options = resolveCensusOptions(doc.options);
  const asOf = parseDay(doc.as_of ?? today);
  if (asOf === null) {
    throw new RangeError(`the census date ${doc.as_of ?? today} is not a calendar date`);
  }
  const roster = packRoster(doc.tenures, asOf);
  const { arrivals, departures } = arrivalsAndDepartures(roster);
  const { figures, curve } = tenureFigures(roster, options);
  const result: CensusResult = {
    as_of: formatDay(asOf),
    population: populationSeries(roster),
    arrivals,
    departures,
    tenure: figures,
    coverage: coverage(roster, doc.tenures, doc.reference_lists ?? []),
  };
  const attributes = attributeNames(doc);
  if (attributes.length > 0) {
    result.segments = attributes.map((name) => segmentTable(roster, doc, name, options));
  }
  return {
    result,
    curve: Array.from(curve.times, (t, k) => ({ months: t / DAYS_PER_MONTH, share: curve.survival[k] })),
  };
}

function tenureFigures(roster: PackedRoster, options: CensusOptions): { figures: TenureFigures; curve: SurvivalCurve } {
  const spans = durations(roster);
  const curve = kaplanMeier(spans);
  return {
    curve,
    figures: {
      tenures: curve.tenures,
      ended: curve.ended,
      censored: curve.tenures - curve.ended,
      median_months: medianMonths(curve),
      restricted_mean_months: restrictedMeanMonths(curve, options.restricted_months),
      survival: options.survival_at.map((months) => ({ months, share: survivalAt(curve, months) })),
      mean_completed_months: meanCompletedMonths(spans),
    },
  };
}

/** Profile attribute names found among the tenures, in order of first appearance. */
function attributeNames(doc: CensusDocument): string[] {
  const names = new Set<string>();
  doc.tenures.forEach((tenure) => Object.keys(tenure.profile ?? {}).forEach((name) => names.add(name)));
  return [...names];
}

function segmentTable(
  roster: PackedRoster,
  doc: CensusDocument,
  name: string,
  options: CensusOptions,
): CensusSegmentTable {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < roster.count; i++) {
    const value = doc.tenures[roster.source[i]].profile?.[name] ?? NOT_GIVEN;
    const group = groups.get(value);
    if (group) {
      group.push(i);
    } else {
      groups.set(value, [i]);
    }
  }
  const values = [...groups].map(([value, positions]) => {
    if (positions.length < options.min_cell) {
      return { value, tenures: positions.length, shown: false };
    }
    const cut = selectTenures(roster, positions);
    const { figures } = tenureFigures(cut, options);
    return {
      value,
      tenures: positions.length,
      shown: true,
      population: populationOn(cut, [roster.asOf])[0],
      median_months: figures.median_months,
      restricted_mean_months: figures.restricted_mean_months,
      mean_completed_months: figures.mean_completed_months,
    };
  });
  return { attribute: name, min_cell: options.min_cell, values };
}
