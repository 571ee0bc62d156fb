import { formatDateTime } from './dates';

describe(formatDateTime.name, () => {
  it('writes a moment in UTC, saying so', () => {
    expect(formatDateTime(new Date('2026-03-03T14:05:59Z'))).toBe('3 March 2026 at 14:05 UTC');
    expect(formatDateTime('2026-12-31T23:59:00.000Z')).toBe('31 December 2026 at 23:59 UTC');
  });

  it('writes a dash when there is no moment', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
  });
});
