import { referenceRanking } from '../spec/reference';
import { bootstrapRanks } from './bootstrap';
import { pointVectors } from './borda';
import { packHeld } from './packed';
import { SeededRandom } from './prng';

const ITEMS = ['a', 'b', 'c', 'd'];
const RESPONSES = [['a', 'b'], ['b'], ['c', 'a', 'd'], [], ['a'], ['d', 'c'], ['b', 'a', 'c', 'd']];

function pack(items: string[], responses: string[][]) {
  const index = new Map(items.map((item, f) => [item, f]));
  return packHeld(
    items.length,
    responses.map((held) => held.map((item) => index.get(item) as number)),
  );
}

function run(seed: number, resamples = 200, topK = 2, items = ITEMS, responses = RESPONSES) {
  const packed = pack(items, responses);
  return bootstrapRanks(packed, pointVectors(packed), items, { seed, resamples, topK });
}

describe('bootstrapRanks', () => {
  it('equals a plain bootstrap that redraws the same respondents and ranks them densely', () => {
    const resamples = 300;
    const counts = ITEMS.map(() => ITEMS.map(() => 0));
    for (let b = 0; b < resamples; b++) {
      // The documented stream: resample b draws m indexes from SeededRandom(seed, b + 1).
      const random = new SeededRandom(7, b + 1);
      const sample = RESPONSES.map(() => RESPONSES[random.nextBelow(RESPONSES.length)]);
      referenceRanking(ITEMS, sample).forEach((row, r) => counts[ITEMS.indexOf(row.item)][r]++);
    }
    const result = run(7, resamples, 2);
    ITEMS.forEach((_, f) => {
      expect(Array.from(result.rankCounts.subarray(f * 4, f * 4 + 4))).toEqual(counts[f]);
      const positions = counts[f].flatMap((count, r) => Array<number>(count).fill(r + 1));
      // Percentile interval: the ⌈0.025·B⌉-th and ⌈0.975·B⌉-th smallest positions (8th and 293rd of 300).
      expect(result.rankInterval[f]).toEqual([positions[7], positions[292]]);
      expect(result.topKShare[f]).toBe((counts[f][0] + counts[f][1]) / resamples);
    });
  });

  it('gives the same intervals and shares for the same seed, and other draws for another seed', () => {
    expect(run(42)).toEqual(run(42));
    expect(Array.from(run(42).rankCounts)).not.toEqual(Array.from(run(43).rankCounts));
  });

  it('uses every bit of a seed up to 2^53: 42 and 42 + 2^32 give different bootstraps', () => {
    const counts = (seed: number) => Array.from(run(seed).rankCounts);
    expect(counts(42 + 2 ** 32)).not.toEqual(counts(42));
    expect(counts(42 + 2 ** 52)).not.toEqual(counts(42));
    expect(counts(Number.MAX_SAFE_INTEGER)).not.toEqual(counts(Number.MAX_SAFE_INTEGER - 2 ** 32));
  });

  it('puts every item at its own rank in every resample when there is one respondent', () => {
    const result = run(1, 50, 2, ITEMS, [['c', 'a']]);
    // Ranks: c 1, a 2, then b and d tied in score and incumbency, by name.
    expect(result.rankInterval).toEqual([
      [2, 2],
      [3, 3],
      [1, 1],
      [4, 4],
    ]);
    expect(result.topKShare).toEqual([1, 0, 1, 0]);
  });

  it('sums each resample to the number of resamples per item and per position', () => {
    const result = run(3, 123);
    for (let f = 0; f < 4; f++) {
      let row = 0;
      let column = 0;
      for (let r = 0; r < 4; r++) {
        row += result.rankCounts[f * 4 + r];
        column += result.rankCounts[r * 4 + f];
      }
      expect([row, column]).toEqual([123, 123]);
    }
  });
});

describe(SeededRandom.name, () => {
  it('repeats its sequence for a seed and stream, and spreads draws evenly', () => {
    const draw = (seed: number, stream: number) => {
      const random = new SeededRandom(seed, stream);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw(5, 1)).toEqual(draw(5, 1));
    expect(draw(5, 1)).not.toEqual(draw(5, 2));
    expect(draw(5, 1)).not.toEqual(draw(6, 1));
    expect(draw(5 + 2 ** 32, 1)).not.toEqual(draw(5, 1));
    const random = new SeededRandom(99);
    const buckets = new Array<number>(10).fill(0);
    for (let k = 0; k < 100_000; k++) {
      buckets[random.nextBelow(10)]++;
    }
    // Each bucket expects 10,000 (sd ≈ 95); 500 is more than five standard deviations.
    buckets.forEach((count) => expect(Math.abs(count - 10_000)).toBeLessThan(500));
  });

  it('counts draws exactly as the same number of nextBelow calls, and goes on from the same state', () => {
    for (const bound of [1, 7, 1_000, 100_003]) {
      const one = new SeededRandom(42, 3);
      const expected = new Uint32Array(bound);
      for (let k = 0; k < 20_000; k++) {
        expected[one.nextBelow(bound)] += 1;
      }
      const other = new SeededRandom(42, 3);
      const counted = new Uint32Array(bound);
      other.countDraws(counted, 20_000);
      expect(counted).toEqual(expected);
      expect(other.nextUint32()).toBe(one.nextUint32());
    }
  });
});
