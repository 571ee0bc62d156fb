import { formatMoney, monthlyRecurringCents, parsePriceToCents } from './money';

describe(formatMoney.name, () => {
  it.each([
    [240000, 'usd', '$2,400.00'],
    [30000, 'EUR', '€300.00'],
    [99, 'usd', '$0.99'],
    [120000, 'jpy', '¥120,000'],
  ])('formats %i %s as %s', (cents, currency, expected) => {
    expect(formatMoney(cents, currency)).toBe(expected);
  });

  it('refuses a float', () => {
    expect(() => formatMoney(10.5, 'usd')).toThrow('integer cents');
  });
});

describe(monthlyRecurringCents.name, () => {
  it('spreads annual prices monthly and keeps the total exact', () => {
    expect(monthlyRecurringCents([{ cents: 240000, interval: 'year' }])).toBe(20000);
    expect(
      monthlyRecurringCents([
        { cents: 100, interval: 'year' },
        { cents: 100, interval: 'year' },
        { cents: 100, interval: 'year' },
      ]),
    ).toBe(25);
    expect(
      monthlyRecurringCents([
        { cents: 2500, interval: 'month' },
        { cents: 120000, interval: 'year' },
      ]),
    ).toBe(12500);
    expect(monthlyRecurringCents([])).toBe(0);
  });
});

describe(parsePriceToCents.name, () => {
  it.each([
    ['2400', 240000],
    ['2,400.5', 240050],
    ['0.99', 99],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parsePriceToCents(text)).toBe(cents);
  });

  it.each(['', '-5', '1.999', 'ten', '1e5'])('refuses %p', (text) => {
    expect(parsePriceToCents(text)).toBeNull();
  });
});
