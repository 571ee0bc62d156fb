/**
 * The chi-square distribution's upper tail, P(X ≥ x) for `df` degrees of freedom, as the
 * regularized upper incomplete gamma function Q(df/2, x/2) (Numerical Recipes §6.2: a series below
 * a + 1, Lentz's continued fraction above; both converge to ~1e-15 relative).
 */
export function chiSquareUpperTail(x: number, df: number): number {
  if (!(df > 0) || !Number.isFinite(x)) {
    throw new RangeError(`chi-square tail needs df > 0 and a finite x (got x=${x}, df=${df})`);
  }
  if (x <= 0) {
    return 1;
  }
  const a = df / 2;
  const z = x / 2;
  return z < a + 1 ? 1 - lowerSeries(a, z) : upperContinuedFraction(a, z);
}

/** Pearson's goodness-of-fit statistic of observed counts against expected counts (cells with E = 0 skipped). */
export function chiSquareStatistic(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let chi = 0;
  for (let k = 0; k < observed.length; k++) {
    if (expected[k] > 0) {
      const d = observed[k] - expected[k];
      chi += (d * d) / expected[k];
    }
  }
  return chi;
}

const EPSILON = 1e-15;
const MAX_TERMS = 10_000;

function lowerSeries(a: number, z: number): number {
  let term = 1 / a;
  let sum = term;
  for (let k = 1; k < MAX_TERMS; k++) {
    term *= z / (a + k);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) {
      break;
    }
  }
  return sum * Math.exp(-z + a * Math.log(z) - logGamma(a));
}

function upperContinuedFraction(a: number, z: number): number {
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let k = 1; k < MAX_TERMS; k++) {
    const an = -k * (k - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) {
      break;
    }
  }
  return Math.exp(-z + a * Math.log(z) - logGamma(a)) * h;
}

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; ~1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const y = x - 1;
  let sum = c[0];
  for (let k = 1; k < g + 2; k++) {
    sum += c[k] / (y + k);
  }
  const t = y + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}
