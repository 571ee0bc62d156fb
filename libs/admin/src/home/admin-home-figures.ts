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
