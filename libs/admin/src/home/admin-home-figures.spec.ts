import { membersByState } from './admin-home-figures';

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
