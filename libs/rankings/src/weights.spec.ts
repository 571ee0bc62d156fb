import { countByValue, packAttribute } from './packed';
import { rakeWeights } from './weights';

describe('rakeWeights', () => {
  it('post-stratifies by one attribute: weight = member share ÷ respondent share (hand-worked)', () => {
    // Respondents: 3 B2B, 1 B2C (75/25); members: 5 B2B, 5 B2C (50/50).
    // B2B weight 0.5/0.75 = 2/3, B2C weight 0.5/0.25 = 2; they sum to 3·2/3 + 2 = 4.
    const [respondents, invited] = packAttribute('business', [
      [{ business: 'B2B' }, { business: 'B2B' }, { business: 'B2C' }, { business: 'B2B' }],
      [...Array<object>(5).fill({ business: 'B2B' }), ...Array<object>(5).fill({ business: 'B2C' })] as Record<
        string,
        string
      >[],
    ]);
    const result = rakeWeights([respondents], [invited]);
    expect(result.method).toBe('post-stratification');
    expect(Array.from(result.weights)).toEqual([2 / 3, 2 / 3, 2, 2 / 3].map((w) => expect.closeTo(w, 12)));
    // Kish: 4·(3·4/9 + 4) / 16 = 4/3.
    expect(result.designEffect).toBeCloseTo(4 / 3, 12);
  });

  it('rakes several attributes until both margins match the members’, and weights sum to the respondents', () => {
    const respondentProfiles = [
      { revenue: 'big', business: 'B2B' },
      { revenue: 'big', business: 'B2B' },
      { revenue: 'big', business: 'B2C' },
      { revenue: 'small', business: 'B2B' },
      { revenue: 'small', business: 'B2C' },
      { revenue: 'big', business: 'B2B' },
    ];
    const memberProfiles = [
      ...Array.from({ length: 30 }, (_, k) => ({ revenue: k < 12 ? 'big' : 'small', business: 'B2B' })),
      ...Array.from({ length: 20 }, (_, k) => ({ revenue: k < 8 ? 'big' : 'small', business: 'B2C' })),
    ];
    const revenue = packAttribute('revenue', [respondentProfiles, memberProfiles]);
    const business = packAttribute('business', [respondentProfiles, memberProfiles]);
    const result = rakeWeights([revenue[0], business[0]], [revenue[1], business[1]]);
    expect(result.method).toBe('raking');
    expect(result.converged).toBe(true);
    const m = respondentProfiles.length;
    expect(result.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(m, 12);
    // Members: revenue 20 big / 30 small (40/60); business 30 B2B / 20 B2C (60/40).
    const byRevenue = countByValue(revenue[0], result.weights);
    const byBusiness = countByValue(business[0], result.weights);
    expect(byRevenue[revenue[0].values.indexOf('big')] / m).toBeCloseTo(0.4, 9);
    expect(byBusiness[business[0].values.indexOf('B2C')] / m).toBeCloseTo(0.4, 9);
  });

  it('spreads a member group without respondents over the others, and gives a respondent no member matches weight 0', () => {
    const [respondents, invited] = packAttribute('tier', [
      [{ tier: 'gold' }, { tier: 'silver' }, { tier: 'bronze' }],
      [{ tier: 'gold' }, { tier: 'gold' }, { tier: 'gold' }, { tier: 'silver' }, { tier: 'platinum' }],
    ]);
    const result = rakeWeights([respondents], [invited]);
    // Among values respondents have: gold 3/4, silver 1/4 of 3 respondents; bronze has no members.
    expect(Array.from(result.weights)).toEqual([2.25, 0.75, 0]);
  });

  it('leaves everyone at weight 1 with nothing to weight by or nobody to weigh', () => {
    expect(rakeWeights([], []).method).toBe('none');
    const [respondents, invited] = packAttribute('tier', [[], [{ tier: 'gold' }]]);
    expect(rakeWeights([respondents], [invited]).weights.length).toBe(0);
  });
});
