/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32), so a bootstrap
 * gives the same numbers for the same seed on every machine and Node version. Math.random cannot
 * be seeded, and the statistics need no cryptographic strength.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any safe non-negative integer; `stream` picks an independent sequence (a resample). */
  constructor(seed: number, stream = 0) {
    let state = (Math.floor(seed / 0x100000000) ^ Math.imul(stream, 0x9e3779b9) ^ (seed >>> 0)) >>> 0;
    const low = seed >>> 0;
    const next = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state ^ low;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    if ((this.a | this.b | this.c | this.d) === 0) {
      this.a = 1; // the all-zero state is the one state xoshiro never leaves
    }
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /**
   * Draws `draws` uniform integers in [0, counts.length), exactly as that many `nextBelow` calls
   * would, and adds one to `counts` at each. The bootstrap's hot loop (10^8 draws at 100,000
   * respondents × 1,000 resamples): the state lives in locals here instead of object fields, which
   * makes it several times faster with the same numbers.
   */
  countDraws(counts: Uint32Array, draws: number): void {
    const bound = counts.length;
    let { a, b, c, d } = this;
    for (let k = 0; k < draws; k++) {
      const x = Math.imul(b, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      counts[Math.floor((result / 0x100000000) * bound)] += 1;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** A uniform integer in [0, bound), bound ≤ 2^32 (one multiply: each value is off by at most bound / 2^32 in probability). */
  nextBelow(bound: number): number {
    return Math.floor((this.nextUint32() / 0x100000000) * bound);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
