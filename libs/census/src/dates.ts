/**
 * Calendar dates as whole days since 1970-01-01 (UTC), so durations, comparisons and sorting are
 * integer arithmetic with no time zone in the way. A census date and every tenure date is a day.
 */
export const MS_PER_DAY = 86_400_000;
/** Days in an average month (365.25 / 12): the contract's unit for durations. */
export const DAYS_PER_MONTH = 30.4375;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date, or null when the text is not a real calendar date. */
export function parseDay(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2010-02-30 over to March; a date that does not come back unchanged is not real.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
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
