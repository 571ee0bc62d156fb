import { DAYS_PER_MONTH } from './dates';
import { OPEN, type PackedRoster } from './roster';

/**
 * The Kaplan–Meier estimate of time in the role. Durations are whole days (so ties are exact);
 * ended tenures are events, open ones are right-censored at the census date. `times` are the
 * distinct event durations in days, ascending; `survival[k]` is S just after times[k].
 */
export interface SurvivalCurve {
  readonly times: Float64Array;
  readonly survival: Float64Array;
  readonly tenures: number;
  readonly ended: number;
}

export interface Durations {
  /** Every tenure's duration in days, ascending. */
  readonly all: Int32Array;
  /** The ended tenures' durations in days, ascending. */
  readonly ended: Int32Array;
}

export function durations(roster: PackedRoster): Durations {
  const days = new Int32Array(roster.count);
  let endedCount = 0;
  let longest = 0;
  for (let i = 0; i < roster.count; i++) {
    const open = roster.end[i] === OPEN;
    days[i] = (open ? roster.asOf : roster.end[i]) - roster.start[i];
    endedCount += open ? 0 : 1;
    longest = Math.max(longest, days[i]);
  }
  // Durations are whole days within a few decades: a counting sort is one pass, not n log n.
  const all = new Uint32Array(longest + 2);
  const ends = new Uint32Array(longest + 2);
  for (let i = 0; i < roster.count; i++) {
    all[days[i]]++;
    if (roster.end[i] !== OPEN) {
      ends[days[i]]++;
    }
  }
  return { all: spread(all, roster.count), ended: spread(ends, endedCount) };
}

/** The sorted values a histogram of whole days counts. */
function spread(counts: Uint32Array, total: number): Int32Array {
  const out = new Int32Array(total);
  let k = 0;
  for (let day = 0; day < counts.length; day++) {
    out.fill(day, k, k + counts[day]);
    k += counts[day];
  }
  return out;
}

/**
 * S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ), where nᵢ counts the tenures lasting at least tᵢ:
 * a tenure censored at tᵢ is still at risk at tᵢ.
 */
export function kaplanMeier({ all, ended }: Durations): SurvivalCurve {
  const times: number[] = [];
  const survival: number[] = [];
  let s = 1;
  let atRiskFrom = 0;
  for (let e = 0; e < ended.length;) {
    const t = ended[e];
    let deaths = 0;
    while (e < ended.length && ended[e] === t) {
      deaths++;
      e++;
    }
    while (all[atRiskFrom] < t) {
      atRiskFrom++;
    }
    s *= 1 - deaths / (all.length - atRiskFrom);
    times.push(t);
    survival.push(s);
  }
  return {
    times: Float64Array.from(times),
    survival: Float64Array.from(survival),
    tenures: all.length,
    ended: ended.length,
  };
}

/** S at `months` (right-continuous: a drop at exactly that time is included). */
export function survivalAt(curve: SurvivalCurve, months: number): number {
  let s = 1;
  for (let k = 0; k < curve.times.length && curve.times[k] / DAYS_PER_MONTH <= months; k++) {
    s = curve.survival[k];
  }
  return s;
}

/** The smallest t (months) with S(t) ≤ 0.5; null when the curve never gets there. */
export function medianMonths(curve: SurvivalCurve): number | null {
  for (let k = 0; k < curve.times.length; k++) {
    if (curve.survival[k] <= 0.5) {
      return curve.times[k] / DAYS_PER_MONTH;
    }
  }
  return null;
}

/** ∫₀^τ S(t) dt in months: S is 1 before the first event and held at its last value after the last. */
export function restrictedMeanMonths(curve: SurvivalCurve, tau: number): number {
  let area = 0;
  let from = 0;
  let s = 1;
  for (let k = 0; k < curve.times.length; k++) {
    const t = curve.times[k] / DAYS_PER_MONTH;
    if (t >= tau) {
      break;
    }
    area += s * (t - from);
    from = t;
    s = curve.survival[k];
  }
  return area + s * (tau - from);
}

/** The plain mean of ended tenures in months (what a naive "average tenure" reports); null if none ended. */
export function meanCompletedMonths({ ended }: Durations): number | null {
  if (ended.length === 0) {
    return null;
  }
  let sum = 0;
  for (let e = 0; e < ended.length; e++) {
    sum += ended[e];
  }
  return sum / ended.length / DAYS_PER_MONTH;
}
