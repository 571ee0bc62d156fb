import type { BillingReport } from '@roundtable/billing';

/** Memberships per state over every tier of billing's report (absent report: none). Pure. */
export function membersByState(report: BillingReport | null): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of report?.byTier ?? []) {
    for (const [state, count] of Object.entries(row.states)) {
      totals[state] = (totals[state] ?? 0) + (count ?? 0);
    }
  }
  return totals;
}

/** The states the home lists, in the order a reader expects, with their words. */
export const STATE_LABELS: Array<[state: string, label: string]> = [
  ['active', 'Active'],
  ['past_due', 'Payment due'],
  ['canceling', 'Canceling'],
  ['pending_payment', 'Awaiting first payment'],
  ['lapsed', 'Lapsed'],
  ['canceled', 'Canceled'],
];

/** How old a figure is, in words a reader takes in at a glance ("just now", "4 minutes ago", "2 hours ago"). Pure. */
export function ageInWords(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) {
    return 'just now';
  }
  if (minutes < 60) {
    return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  }
  const days = Math.floor(hours / 24);
  return `${days} days ago`;
}
