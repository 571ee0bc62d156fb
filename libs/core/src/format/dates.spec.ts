import { formatDate, formatDateTime, formatMonth, httpDate, isoDate, isoDateTime, isoMinute } from './dates';

describe('dates for people', () => {
  it('writes a moment in UTC, saying so', () => {
    expect(formatDateTime(new Date('2026-03-03T14:05:59Z'))).toBe('3 March 2026 at 14:05 UTC');
    expect(formatDateTime('2026-12-31T23:59:00.000Z')).toBe('31 December 2026 at 23:59 UTC');
  });

  it('writes the day and the month of a moment in UTC, whatever the server’s zone', () => {
    expect(formatDate(new Date('2026-11-22T23:30:00Z'))).toBe('22 November 2026');
    expect(formatMonth(new Date('2026-11-30T23:30:00Z'))).toBe('November 2026');
  });

  it('writes a dash when there is no moment', () => {
    for (const format of [formatDate, formatDateTime, formatMonth]) {
      expect(format(null)).toBe('—');
      expect(format(undefined)).toBe('—');
    }
  });
});

describe('dates for programs', () => {
  const moment = new Date('2026-03-03T14:05:59Z');

  it('writes ISO 8601 in UTC, to the day, the minute or the millisecond', () => {
    expect(isoDateTime(moment)).toBe('2026-03-03T14:05:59.000Z');
    expect(isoDate(moment)).toBe('2026-03-03');
    expect(isoMinute(moment)).toBe('2026-03-03T14:05');
    expect(httpDate(moment)).toBe('Tue, 03 Mar 2026 14:05:59 GMT');
  });

  it('writes nothing when there is no moment', () => {
    expect(isoDateTime(null)).toBe('');
    expect(isoDate(undefined)).toBe('');
  });
});
