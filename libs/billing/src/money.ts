/** Money is integer minor units (cents) with its currency; never a float. */
export interface Money {
  cents: number;
  currency: string;
}

/** Formats integer cents with their currency, e.g. `$2,400.00`, `€300.00`. */
export function formatMoney(cents: number, currency: string, locale = 'en-US'): string {
  if (!Number.isSafeInteger(cents)) {
    throw new Error(`Money must be integer cents, got ${cents}`);
  }
  const code = currency.toUpperCase();
  const digits =
    new Intl.NumberFormat(locale, { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  // Intl formats a number; dividing by 10^digits is exact for display, and nothing is stored from it.
  return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(cents / 10 ** digits);
}

/**
 * What a price contributes to monthly recurring revenue, in integer cents: a yearly price spread
 * over 12 months. The remainders of the division are summed separately so totals stay exact.
 */
export function monthlyRecurringCents(prices: Array<{ cents: number; interval: 'month' | 'year' }>): number {
  let monthly = 0;
  let yearly = 0;
  for (const price of prices) {
    if (price.interval === 'month') {
      monthly += price.cents;
    } else {
      yearly += price.cents;
    }
  }
  return monthly + Math.round(yearly / 12);
}

/** Parses a price typed by a person ("2400", "2,400.50") into integer cents, or null. */
export function parsePriceToCents(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
