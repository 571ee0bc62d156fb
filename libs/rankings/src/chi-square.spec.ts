import { chiSquareStatistic, chiSquareUpperTail, logGamma } from './chi-square';

describe('chiSquareUpperTail', () => {
  it('gives the textbook critical values (p = 0.05 and 0.01) for 1 to 10 degrees of freedom', () => {
    // Critical values from the standard chi-square table (NIST/SEMATECH e-Handbook, 1.3.6.7.4).
    const at05 = [3.841, 5.991, 7.815, 9.488, 11.07, 12.592, 14.067, 15.507, 16.919, 18.307];
    const at01 = [6.635, 9.21, 11.345, 13.277, 15.086, 16.812, 18.475, 20.09, 21.666, 23.209];
    at05.forEach((x, k) => expect(chiSquareUpperTail(x, k + 1)).toBeCloseTo(0.05, 4));
    at01.forEach((x, k) => expect(chiSquareUpperTail(x, k + 1)).toBeCloseTo(0.01, 4));
  });

  it('equals exp(−x/2) for two degrees of freedom, where the tail has a closed form', () => {
    for (const x of [0.001, 0.5, 1, 2, 5, 10, 40, 100]) {
      expect(chiSquareUpperTail(x, 2)).toBeCloseTo(Math.exp(-x / 2), 13);
    }
  });

  it('equals erfc(√(x/2)) for one degree of freedom (erfc by its series)', () => {
    // erfc(z) = 1 − (2/√π) Σ (−1)^k z^(2k+1) / (k! (2k+1)), fine for z ≤ 3.
    const erfc = (z: number) => {
      let sum = 0;
      let term = z;
      for (let k = 0; k < 80; k++) {
        sum += term / (2 * k + 1);
        term *= (-z * z) / (k + 1);
      }
      return 1 - (2 / Math.sqrt(Math.PI)) * sum;
    };
    for (const x of [0.1, 1, 2.5, 3.841, 8]) {
      expect(chiSquareUpperTail(x, 1)).toBeCloseTo(erfc(Math.sqrt(x / 2)), 10);
    }
  });

  it('is 1 at zero and refuses nonsense', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(() => chiSquareUpperTail(1, 0)).toThrow(RangeError);
    expect(() => chiSquareUpperTail(Number.NaN, 2)).toThrow(RangeError);
  });

  it('computes ln Γ at known points and Pearson’s statistic by hand', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // (30−25)²/25 + (20−25)²/25 = 2; the cell expecting 0 is skipped.
    expect(chiSquareStatistic([30, 20, 3], [25, 25, 0])).toBe(2);
  });
});
