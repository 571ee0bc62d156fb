/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so durations, comparisons and sorting are
 * integer arithmetic with no time zone in the way. A census date and every tenure date is a day.
 */
export const MS_PER_DAY = 86_400_000;
/** Days in an average month (365.25 / 12): the contract's unit for durations. */
export const DAYS_PER_MONTH = 30.4375;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day number of a `YYYY-MM-DD` date, or null when the text is not a real calendar date (2010-02-30).
 * Read digit by digit, without a regular expression or a Date: a census parses two per tenure.
 */
export function parseDay(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    return null;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) {
    return null;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0)) {
    return null;
  }
  return daysFromCivil(year, month, day);
}

/** The value of the decimal digits text[from, to), or -1 if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return -1;
    }
    value = value * 10 + d;
  }
  return value;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The day number of 1 January of a year. */
export function januaryFirst(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Today's date in UTC as `YYYY-MM-DD`: the default census date. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
