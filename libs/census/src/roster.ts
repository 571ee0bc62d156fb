import { parseDay } from './dates';
import type { CensusTenure } from './exchange';

/** An open tenure's end: later than any census date. */
export const OPEN = 2 ** 31 - 1;

/**
 * The tenures counted on a census date A, packed into typed arrays: tenures starting after A are
 * left out, and an end after A becomes open (the person was still in the role on A). Persons are
 * numbered so that "distinct persons" is an array lookup, not a set of strings.
 */
export interface PackedRoster {
  readonly asOf: number;
  readonly count: number;
  readonly start: Int32Array;
  /** OPEN while in the role on A. */
  readonly end: Int32Array;
  readonly person: Uint32Array;
  readonly personCount: number;
  /** Position of each counted tenure in the input, for profiles and companies. */
  readonly source: Uint32Array;
}

/** Packs tenures already checked by parseCensus (their dates are real and end is after start). */
export function packRoster(tenures: readonly CensusTenure[], asOf: number): PackedRoster {
  const start = new Int32Array(tenures.length);
  const end = new Int32Array(tenures.length);
  const person = new Uint32Array(tenures.length);
  const source = new Uint32Array(tenures.length);
  const persons = new Map<string, number>();
  let count = 0;
  // Plain loops here and in selectTenures: they run once per tenure (per cut), the census's hottest code.
  for (let i = 0; i < tenures.length; i++) {
    const tenure = tenures[i];
    const first = parseDay(tenure.start) as number;
    if (first > asOf) {
      continue;
    }
    const last = tenure.end ? (parseDay(tenure.end) as number) : OPEN;
    let p = persons.get(tenure.person);
    if (p === undefined) {
      p = persons.size;
      persons.set(tenure.person, p);
    }
    start[count] = first;
    end[count] = last > asOf ? OPEN : last;
    person[count] = p;
    source[count] = i;
    count++;
  }
  return {
    asOf,
    count,
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    person: person.subarray(0, count),
    personCount: persons.size,
    source: source.subarray(0, count),
  };
}

/** The roster restricted to some of its tenures (a segment cut), by position in the packed roster. */
export function selectTenures(roster: PackedRoster, positions: readonly number[]): PackedRoster {
  const n = positions.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const person = new Uint32Array(n);
  const source = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = positions[k];
    start[k] = roster.start[i];
    end[k] = roster.end[i];
    person[k] = roster.person[i];
    source[k] = roster.source[i];
  }
  return { asOf: roster.asOf, count: n, start, end, person, personCount: roster.personCount, source };
}
