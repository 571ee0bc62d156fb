import { parseUtc, publicationTime } from './publish-time';

describe(parseUtc.name, () => {
  it('reads a zone-less form time as UTC, and keeps an explicit zone', () => {
    expect(parseUtc('2026-12-01T09:30').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(parseUtc('2026-12-01T09:30:15').toISOString()).toBe('2026-12-01T09:30:15.000Z');
    expect(parseUtc('2026-12-01T09:30+02:00').toISOString()).toBe('2026-12-01T07:30:00.000Z');
    expect(Number.isNaN(parseUtc('tomorrow').getTime())).toBe(true);
  });
});

describe(publicationTime.name, () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const past = new Date('2026-01-05T09:30:00Z');
  const future = new Date('2026-12-24T18:00:00Z');

  it('takes the time given, past or future', () => {
    expect(publicationTime(future, past, now)).toBe(future);
    expect(publicationTime(past, null, now)).toBe(past);
  });

  it('keeps the date of a post already out when none is given', () => {
    expect(publicationTime(null, past, now)).toBe(past);
  });

  it('publishes now a scheduled post whose time was cleared, and a post never published', () => {
    expect(publicationTime(null, future, now)).toBe(now);
    expect(publicationTime(null, null, now)).toBe(now);
  });
});
