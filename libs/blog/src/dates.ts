const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A date as readers say it ("22 November 2026"), in UTC like every date the council shows. */
export function dateInWords(date: Date): string {
  return DAY.format(date);
}

/** A moment as readers say it ("22 November 2026, 09:05 UTC"), for comments. */
export function momentInWords(date: Date): string {
  return `${DAY.format(date)}, ${TIME.format(date)} UTC`;
}
