import type { CensusResult, CensusSegmentTable } from '@roundtable/census';
import { SEGMENT_KEYS } from '../compute/roster-document';
import type { CensusSnapshot } from '../snapshots/census-snapshot.schema';
import { barChart, survivalChart } from './census-charts';

/** Who is looking decides what the page shows: visitors the headline figures, members the cuts too. */
export interface CensusViewer {
  member: boolean;
  staff: boolean;
}

const SEGMENT_LABELS: Record<string, string> = {
  revenue: 'Company revenue',
  business: 'Business model',
  industry: 'Industry',
  region: 'Region',
  model: 'CCO model',
};

/** Months with one decimal (29.4), or an em dash where there is no figure. */
export function formatMonths(months: number | null | undefined): string {
  return months === null || months === undefined ? '—' : months.toFixed(1);
}

export function formatShare(share: number | null): string {
  if (share === null) {
    return '—';
  }
  const percent = share * 100;
  return `${percent < 10 && percent !== 0 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** The model of "The role in numbers" from one snapshot: figures, charts and the tables beside them. */
export function censusPageModel(snapshot: CensusSnapshot, viewer: CensusViewer) {
  const result: CensusResult = snapshot.result;
  const population = result.population;
  const today = population[population.length - 1]?.count ?? 0;
  const first = population.find((point) => point.count > 0) ?? population[0];
  const years = population.map((point) => ({
    label: point.date.endsWith('-01-01') ? point.date.slice(0, 4) : point.date,
    value: point.count,
  }));
  const tenure = result.tenure;
  const survivalUntil = Math.max(60, ...tenure.survival.map((point) => point.months));
  return {
    asOf: result.as_of,
    computedAt: snapshot.computedAt,
    today,
    first: first ? { date: first.date, count: first.count } : null,
    populationChart: barChart(
      'population-chart',
      `People in the role on 1 January of each year and on ${result.as_of}`,
      years,
      (bar) => `${bar.label}: ${bar.value}`,
    ),
    population: population.map((point) => ({ date: point.date, count: point.count })),
    flows: result.arrivals.map((arrival, k) => ({
      year: arrival.year,
      arrivals: arrival.count,
      departures: result.departures[k]?.count ?? 0,
    })),
    tenure: {
      tenures: tenure.tenures,
      ended: tenure.ended,
      censored: tenure.censored,
      median: formatMonths(tenure.median_months),
      hasMedian: tenure.median_months !== null,
      meanCompleted: formatMonths(tenure.mean_completed_months),
      restrictedMean: formatMonths(tenure.restricted_mean_months),
      survival: tenure.survival.map((point) => ({ months: point.months, share: formatShare(point.share) })),
    },
    survivalChart: survivalChart(
      'survival-chart',
      'Share of tenures still in the role, by months since they began (Kaplan–Meier)',
      snapshot.curve,
      survivalUntil,
      tenure.survival,
    ),
    coverage: result.coverage.map((row) => ({ ...row, shareText: formatShare(row.share) })),
    segments: viewer.member || viewer.staff ? segmentTables(result.segments ?? []) : null,
    unmatched: viewer.staff
      ? Object.entries(snapshot.unmatched ?? {}).map(([name, companies]) => ({ name, companies }))
      : null,
  };
}

function segmentTables(tables: CensusSegmentTable[]) {
  const order = SEGMENT_KEYS.map(([key]) => key as string);
  return [...tables]
    .sort((a, b) => order.indexOf(a.attribute) - order.indexOf(b.attribute))
    .map((table) => ({
      attribute: table.attribute,
      label: SEGMENT_LABELS[table.attribute] ?? table.attribute,
      minCell: table.min_cell,
      shown: table.values
        .filter((cell) => cell.shown)
        .map((cell) => ({
          value: cell.value,
          tenures: cell.tenures,
          population: cell.population,
          median: formatMonths(cell.median_months),
          meanCompleted: formatMonths(cell.mean_completed_months),
        })),
      hidden: table.values.filter((cell) => !cell.shown).map((cell) => cell.value),
    }));
}
