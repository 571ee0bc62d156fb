import { packAttribute } from './packed';
import { responseRate } from './response-rate';
import { attributeSkew } from './skew';

const profiles = (values: Record<string, number>, attribute = 'revenue') =>
  Object.entries(values).flatMap(([value, count]) => Array.from({ length: count }, () => ({ [attribute]: value })));

describe('attributeSkew', () => {
  it('reports docs/research.md’s example: 68% of respondents, 52% of members over $1B is a skew', () => {
    // 25 respondents: 17 >$1B (68%), 8 under; 100 members: 52 >$1B, 48 under.
    const [respondents, invited] = packAttribute('revenue', [
      profiles({ '>$1B': 17, '<$100M': 8 }),
      profiles({ '>$1B': 52, '<$100M': 48 }),
    ]);
    const skew = attributeSkew(respondents, invited);
    expect(skew.values.map((v) => [v.value, v.respondents, v.invited])).toEqual([
      ['>$1B', 17, 52],
      ['<$100M', 8, 48],
    ]);
    expect(skew.values[0].gapPp).toBeCloseTo(16, 10);
    // Expected 13 and 12: χ² = 4²/13 + 4²/12 = 2.5641…, df 1, p = erfc(√(χ²/2)) ≈ 0.1093 (not significant;
    // the gap of 16 points alone makes it a skew).
    expect(skew.chiSquare).toBeCloseTo(16 / 13 + 16 / 12, 12);
    expect(skew.df).toBe(1);
    expect(skew.pValue).toBeCloseTo(0.10931, 4);
    expect(skew.skewed).toBe(true);
    expect(skew.toward).toBe('>$1B');
    expect(skew.summary).toBe('skewed toward >$1B (revenue): 68% of respondents, 52% of members');
  });

  it('calls a small gap with a significant chi-square a skew, and a small insignificant one not', () => {
    // 1000 respondents 58/42 against members 50/50: gap 8 points, χ² = 2·80²/500 = 25.6, p ≈ 4e-7.
    const [r1, i1] = packAttribute('business', [
      profiles({ B2B: 580, B2C: 420 }, 'business'),
      profiles({ B2B: 500, B2C: 500 }, 'business'),
    ]);
    const big = attributeSkew(r1, i1);
    expect(big.chiSquare).toBeCloseTo(25.6, 10);
    expect(big.pValue).toBeLessThan(0.05);
    expect(big.skewed).toBe(true);
    // 20 respondents 11/9 against 50/50: gap 5 points, χ² = 0.2, p ≈ 0.65.
    const [r2, i2] = packAttribute('business', [
      profiles({ B2B: 11, B2C: 9 }, 'business'),
      profiles({ B2B: 50, B2C: 50 }, 'business'),
    ]);
    const small = attributeSkew(r2, i2);
    expect(small.skewed).toBe(false);
    expect(small.toward).toBeNull();
    expect(small.summary).toBeNull();
  });

  it('lists a value nobody answered for and counts a missing attribute as "(not given)"', () => {
    const [respondents, invited] = packAttribute('revenue', [
      [{ revenue: 'a' }, {}],
      [{ revenue: 'a' }, { revenue: 'b' }, {}, { revenue: 'a' }],
    ]);
    const skew = attributeSkew(respondents, invited);
    expect(skew.values.map((v) => [v.value, v.respondents, v.invited])).toEqual([
      ['a', 1, 2],
      ['(not given)', 1, 1],
      ['b', 0, 1],
    ]);
    expect(skew.df).toBe(2);
  });

  it('calls a gap of exactly 10 points a skew, compared in counts, not in floating point', () => {
    // 6 of 10 respondents against 10 of 20 members: (0.6 − 0.5) · 100 is 9.999999999999998 in floating
    // point; the chi-square (0.4, p ≈ 0.53) is not significant, so only the exact gap can flag it.
    const skewOf = (respondents: Record<string, number>, invited: Record<string, number>) => {
      const [r, i] = packAttribute('revenue', [profiles(respondents), profiles(invited)]);
      return attributeSkew(r, i);
    };
    const exact = skewOf({ a: 6, b: 4 }, { a: 10, b: 10 });
    expect(exact.pValue).toBeGreaterThan(0.05);
    expect(exact.skewed).toBe(true);
    expect(exact.toward).toBe('a');
    // The same gap the other way round, and with other denominators (60% against 50%).
    expect(skewOf({ a: 4, b: 6 }, { a: 10, b: 10 }).skewed).toBe(true);
    expect(skewOf({ a: 6, b: 4 }, { a: 5000, b: 5000 }).skewed).toBe(true);
    // 9.99 points (60% against 50.01%) is not a skew.
    const under = skewOf({ a: 6, b: 4 }, { a: 5001, b: 4999 });
    expect(under.values[0].gapPp).toBeCloseTo(9.99, 10);
    expect(under.pValue).toBeGreaterThan(0.05);
    expect(under.skewed).toBe(false);
  });

  it('leaves the test out without respondents', () => {
    const [respondents, invited] = packAttribute('revenue', [[], profiles({ a: 3, b: 1 })]);
    const skew = attributeSkew(respondents, invited);
    expect([skew.chiSquare, skew.pValue, skew.skewed]).toEqual([null, null, false]);
  });
});

describe('responseRate', () => {
  it('divides completed by invited less bounced, and reports partial and bounced beside it', () => {
    expect(responseRate({ invited: 450, bounced: 10, completed: 264, partial: 12 })).toEqual({
      invited: 450,
      bounced: 10,
      eligible: 440,
      completed: 264,
      partial: 12,
      rate: 0.6,
    });
    expect(responseRate({ invited: 3, bounced: 3, completed: 0, partial: null }).rate).toBeNull();
  });
});
