/**
 * The one place dates become text. The rule:
 * - A date a person reads (pages, emails, PDFs, flashes) is written in words, in UTC, and says UTC
 *   when it has a time: `formatDate` "3 March 2026", `formatDateTime` "3 March 2026 at 14:05 UTC",
 *   `formatMonth` "March 2026". Staff in different places read the same figure.
 * - A date a program reads (CSV and JSON exports, the feed and sitemap, a `datetime` attribute, a form
 *   field's value, a key, an HTTP header) is ISO 8601 in UTC: `isoDateTime` "2026-03-03T14:05:59.000Z",
 *   `isoDate` "2026-03-03" where only the day counts (date fields, day columns), `isoMinute`
 *   "2026-03-03T14:05" (a datetime-local field), `httpDate` for headers. Exports are for machines:
 *   ISO sorts as text and every spreadsheet reads it.
 * Nunjucks templates have the same as filters (`date`, `datetime`, `month`, `isodate`, `iso`).
 * A source rule (test/foundation/source-rules.e2e-spec.ts) fails on a date formatted anywhere else.
 */
type Moment = Date | string | number;

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

const NONE = '—';

/** A day as "3 March 2026"; "—" when there is none. */
export function formatDate(date: Moment | null | undefined): string {
  return date === null || date === undefined || date === '' ? NONE : DAY.format(new Date(date));
}

/** A moment as "3 March 2026 at 14:05 UTC"; "—" when there is none. */
export function formatDateTime(date: Moment | null | undefined): string {
  return date === null || date === undefined || date === '' ? NONE : `${DATE_TIME.format(new Date(date))} UTC`;
}

/** A month as "March 2026"; "—" when there is none. */
export function formatMonth(date: Moment | null | undefined): string {
  return date === null || date === undefined || date === '' ? NONE : MONTH.format(new Date(date));
}

/** A moment for programs: "2026-03-03T14:05:59.000Z"; "" when there is none. */
export function isoDateTime(date: Moment | null | undefined): string {
  return date === null || date === undefined || date === '' ? '' : new Date(date).toISOString();
}

/** A day for programs and date fields: "2026-03-03" (UTC); "" when there is none. */
export function isoDate(date: Moment | null | undefined): string {
  return isoDateTime(date).slice(0, 10);
}

/** A moment to the minute for a datetime-local field: "2026-03-03T14:05" (UTC); "" when there is none. */
export function isoMinute(date: Moment | null | undefined): string {
  return isoDateTime(date).slice(0, 16);
}

/** A moment as an HTTP header writes it ("Tue, 03 Mar 2026 14:05:59 GMT"). */
export function httpDate(date: Moment): string {
  return new Date(date).toUTCString();
}
