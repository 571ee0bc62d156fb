import { formatDay, januaryFirst, yearOf } from './dates';
import type { PackedRoster } from './roster';

export interface DatedCount {
  date: string;
  count: number;
}

export interface YearCount {
  year: number;
  count: number;
}

/** The days of the population series: 1 January of every year from the first start to A's year, then A. */
export function seriesDays(roster: PackedRoster): number[] {
  const days: number[] = [];
  if (roster.count > 0) {
    const lastYear = yearOf(roster.asOf);
    for (let year = yearOf(firstStart(roster)); year <= lastYear; year++) {
      days.push(januaryFirst(year));
    }
  }
  if (days[days.length - 1] !== roster.asOf) {
    days.push(roster.asOf);
  }
  return days;
}

/**
 * The number of distinct persons in the role on each day (start ≤ day < end): a person holding two
 * tenures on one day is one person. Each day is one pass over the tenures, marking persons seen.
 */
export function populationOn(roster: PackedRoster, days: readonly number[]): number[] {
  const seen = new Uint32Array(roster.personCount);
  return days.map((day, k) => {
    const mark = k + 1;
    let count = 0;
    for (let i = 0; i < roster.count; i++) {
      if (roster.start[i] <= day && day < roster.end[i] && seen[roster.person[i]] !== mark) {
        seen[roster.person[i]] = mark;
        count++;
      }
    }
    return count;
  });
}

export function populationSeries(roster: PackedRoster): DatedCount[] {
  const days = seriesDays(roster);
  const counts = populationOn(roster, days);
  return days.map((day, k) => ({ date: formatDay(day), count: counts[k] }));
}

/**
 * Tenures starting, and tenures ending on or before A, in each calendar year from the first start
 * to A's year, zeros included. Ends after A are already open in the packed roster.
 */
export function arrivalsAndDepartures(roster: PackedRoster): { arrivals: YearCount[]; departures: YearCount[] } {
  if (roster.count === 0) {
    return { arrivals: [], departures: [] };
  }
  const firstYear = yearOf(firstStart(roster));
  const years = yearOf(roster.asOf) - firstYear + 1;
  const arrivals = new Array<number>(years).fill(0);
  const departures = new Array<number>(years).fill(0);
  const yearStarts = Array.from({ length: years + 1 }, (_, k) => januaryFirst(firstYear + k));
  const yearIndex = (day: number): number => {
    let k = Math.min(years - 1, Math.floor((day - yearStarts[0]) / 365.25));
    while (day < yearStarts[k]) {
      k--;
    }
    while (day >= yearStarts[k + 1]) {
      k++;
    }
    return k;
  };
  for (let i = 0; i < roster.count; i++) {
    arrivals[yearIndex(roster.start[i])]++;
    if (roster.end[i] <= roster.asOf) {
      departures[yearIndex(roster.end[i])]++;
    }
  }
  const byYear = (counts: number[]): YearCount[] => counts.map((count, k) => ({ year: firstYear + k, count }));
  return { arrivals: byYear(arrivals), departures: byYear(departures) };
}

function firstStart(roster: PackedRoster): number {
  let first = roster.start[0];
  for (let i = 1; i < roster.count; i++) {
    first = Math.min(first, roster.start[i]);
  }
  return first;
}
