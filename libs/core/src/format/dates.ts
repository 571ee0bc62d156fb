/**
 * How pages write a moment for people: "3 March 2026, 14:05 UTC". Every time a page shows is UTC,
 * said so, so staff in different places read the same figure. One formatter, built once.
 */
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** A moment as "3 March 2026, 14:05 UTC"; "—" when there is none. */
export function formatDateTime(date: Date | string | null | undefined): string {
  return date ? `${DATE_TIME.format(new Date(date))} UTC` : '—';
}
