import { ageInWords, membersByState } from './admin-home-figures';

describe(membersByState.name, () => {
  it('sums each state over the tiers', () => {
    expect(
      membersByState({
        byTier: [
          { tier: 'associate', name: 'Associate', states: { active: 2, lapsed: 1 } },
          { tier: 'council', name: 'Council Member', states: { active: 3, canceling: 1 } },
        ],
        revenue: [],
        newThisMonth: 0,
        churnedThisMonth: 0,
      }),
    ).toEqual({ active: 5, lapsed: 1, canceling: 1 });
  });

  it('is empty before billing computed its first report', () => {
    expect(membersByState(null)).toEqual({});
  });
});

describe(ageInWords.name, () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const ago = (ms: number) => ageInWords(new Date(now.getTime() - ms), now);

  it('says how old a figure is in the unit a reader expects, singular at one', () => {
    expect(ago(20_000)).toBe('just now');
    expect(ago(60_000)).toBe('1 minute ago');
    expect(ago(4 * 60_000)).toBe('4 minutes ago');
    expect(ago(60 * 60_000)).toBe('1 hour ago');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
  });
});
