import { nextCensusDay } from './census-daily.service';

describe('nextCensusDay', () => {
  it('is the first minute of the next UTC day', () => {
    expect(nextCensusDay(new Date('2026-12-03T17:21:00Z')).toISOString()).toBe('2026-12-04T00:01:00.000Z');
    expect(nextCensusDay(new Date('2026-12-04T00:01:00Z')).toISOString()).toBe('2026-12-05T00:01:00.000Z');
  });

  it('crosses the end of a month and of a year, and a leap day', () => {
    expect(nextCensusDay(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T00:01:00.000Z');
    expect(nextCensusDay(new Date('2028-02-28T12:00:00Z')).toISOString()).toBe('2028-02-29T00:01:00.000Z');
  });
});
