import { dateInWords, momentInWords } from './dates';

describe(dateInWords.name, () => {
  it('writes the day, the month in words and the year, in UTC', () => {
    expect(dateInWords(new Date('2026-11-22T23:30:00Z'))).toBe('22 November 2026');
  });
});

describe(momentInWords.name, () => {
  it('adds the time of day in UTC', () => {
    expect(momentInWords(new Date('2026-11-22T09:05:00Z'))).toBe('22 November 2026, 09:05 UTC');
  });
});
