import { countByValue, type PackedAttribute } from './packed';

export interface Weights {
  /** One weight per respondent; they sum to the number of respondents. */
  readonly weights: Float64Array;
  readonly method: 'none' | 'post-stratification' | 'raking';
  readonly iterations: number;
  readonly converged: boolean;
  /** Kish's design effect m·Σw² / (Σw)²: how much the weighting costs in effective sample size. */
  readonly designEffect: number;
}

export interface WeightingOptions {
  readonly maxIterations?: number;
  /** Stop when every margin is within this share of the respondent count of its target. */
  readonly tolerance?: number;
}

/**
 * Weights respondents so that, on every listed attribute, their weighted distribution matches the
 * invited members'. One attribute is post-stratification (one pass is exact); several are raking
 * (iterative proportional fitting, one attribute after the other until all margins hold).
 * `respondents[a]` and `invited[a]` code attribute a with one shared value list (packAttribute).
 *
 * A value members have but no respondent has cannot be matched: its share is spread over the values
 * respondents do have (targets are members' shares among those values). A respondent whose value no
 * invited member has gets weight 0.
 */
export function rakeWeights(
  respondents: readonly PackedAttribute[],
  invited: readonly PackedAttribute[],
  options: WeightingOptions = {},
): Weights {
  const m = respondents.length > 0 ? respondents[0].codes.length : 0;
  const weights = new Float64Array(m).fill(1);
  if (respondents.length === 0 || m === 0) {
    return { weights, method: 'none', iterations: 0, converged: true, designEffect: 1 };
  }
  const targets = respondents.map((attribute, a) => marginTargets(attribute, invited[a], m));
  const maxIterations = respondents.length === 1 ? 1 : (options.maxIterations ?? 100);
  const tolerance = options.tolerance ?? 1e-10;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    respondents.forEach((attribute, a) => {
      const current = countByValue(attribute, weights);
      for (let i = 0; i < m; i++) {
        const v = attribute.codes[i];
        weights[i] = current[v] > 0 ? (weights[i] * targets[a][v]) / current[v] : 0;
      }
    });
    converged = respondents.every((attribute, a) => {
      const current = countByValue(attribute, weights);
      return current.every((c, v) => Math.abs(c - targets[a][v]) <= tolerance * m);
    });
  }
  normalise(weights, m);
  return {
    weights,
    method: respondents.length === 1 ? 'post-stratification' : 'raking',
    iterations,
    converged,
    designEffect: designEffect(weights),
  };
}

/** Every one of m respondents weighs 1: what weighting by no attribute means. */
export function unitWeights(m: number): Weights {
  return { weights: new Float64Array(m).fill(1), method: 'none', iterations: 0, converged: true, designEffect: 1 };
}

function marginTargets(respondents: PackedAttribute, invited: PackedAttribute, m: number): Float64Array {
  const observed = countByValue(respondents);
  const population = countByValue(invited);
  let covered = 0;
  population.forEach((count, v) => {
    covered += observed[v] > 0 ? count : 0;
  });
  return population.map((count, v) => (covered > 0 && observed[v] > 0 ? (m * count) / covered : 0));
}

/** Rescales to sum m; when every weight is 0 (no respondent matches any member) all become 1. */
function normalise(weights: Float64Array, m: number): void {
  let sum = 0;
  for (const w of weights) {
    sum += w;
  }
  for (let i = 0; i < m; i++) {
    weights[i] = sum > 0 ? (weights[i] * m) / sum : 1;
  }
}

function designEffect(weights: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (const w of weights) {
    sum += w;
    squares += w * w;
  }
  return sum > 0 ? (weights.length * squares) / (sum * sum) : 1;
}
