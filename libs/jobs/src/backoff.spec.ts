import { retryDelayMs } from './backoff';

describe(retryDelayMs.name, () => {
  it('doubles with each attempt from the base delay', () => {
    const noJitter = () => 1;
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1000, 60_000, noJitter))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(40, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it('jitters down by at most 20%', () => {
    expect(retryDelayMs(1, 1000, 60_000, () => 0)).toBe(800);
  });
});
