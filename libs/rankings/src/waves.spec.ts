import { referenceRanking } from '../spec/reference';
import { packHeld } from './packed';
import { SeededRandom } from './prng';
import { compareWaves, movementOf, ownPoints, type WaveInput } from './waves';

function wave(keys: string[], responses: string[][], labels = keys): WaveInput {
  const index = new Map(keys.map((key, f) => [key, f]));
  return {
    keys,
    labels,
    packed: packHeld(
      keys.length,
      responses.map((held) => held.map((key) => index.get(key) as number)),
    ),
  };
}

/** `count` copies of each held list, in turn, so small hand-made waves can be made large. */
function repeat(lists: string[][], count: number): string[][] {
  return Array.from({ length: count }, () => lists).flat();
}

describe('compareWaves', () => {
  it('compares only the items in both waves, re-scored on those items (worked by hand)', () => {
    // Common items: a and b (c retired, d added, a's label edited). Restricted to {a, b}, n = 2:
    // earlier [[a], [b], [a, b]] gives a = (1 + 0 + 1) / 3 = 2/3, b = 1/3;
    // later [[b, a], [b], []] gives a = (0 + 0 + 0.5) / 3 = 1/6, b = (1 + 1 + 0.5) / 3 = 5/6.
    const earlier = wave(['a', 'b', 'c'], [['a', 'c'], ['b'], ['a', 'b']]);
    const later = wave(['a', 'b', 'd'], [['b', 'a'], ['b', 'd'], ['d']], ['A renamed', 'b', 'd']);
    const result = compareWaves(earlier, later, { seed: 1, resamples: 0 });
    expect(result.added).toEqual(['d']);
    expect(result.retired).toEqual(['c']);
    expect(result.items.map((item) => item.key)).toEqual(['b', 'a']);
    const [b, a] = result.items;
    expect(a.label).toBe('A renamed');
    expect(a.earlier).toEqual({ rank: 1, borda: 2 / 3 });
    expect(a.later).toEqual({ rank: 2, borda: 1 / 6 });
    expect(a.rank_change).toBe(1);
    expect(a.borda_change).toBeCloseTo(-1 / 2, 12);
    expect(b.rank_change).toBe(-1);
    expect(b.borda_change).toBeCloseTo(1 / 2, 12);
    // Without resamples there is no interval, so nothing may be called a move.
    expect(result.items.every((item) => item.movement === 'no clear change' && !item.borda_change_interval)).toBe(true);
  });

  it('finds no clear change for any item when the later wave answers exactly as the earlier one', () => {
    const lists = [['a', 'b', 'c'], ['b', 'a'], ['c'], [], ['a', 'd'], ['d', 'c', 'b', 'a'], ['b']];
    const keys = ['a', 'b', 'c', 'd'];
    const result = compareWaves(wave(keys, repeat(lists, 5)), wave(keys, repeat(lists, 5)), {
      seed: 42,
      resamples: 500,
    });
    for (const item of result.items) {
      expect(item.borda_change).toBe(0);
      expect(item.rank_change).toBe(0);
      expect(item.movement).toBe('no clear change');
      const [low, high] = item.borda_change_interval as [number, number];
      expect(low).toBeLessThan(0);
      expect(high).toBeGreaterThan(0);
    }
  });

  it('says "rose" and "fell" for a large planted shift, and only for the items that moved', () => {
    const keys = ['cx', 'tactics', 'metrics', 'culture'];
    const before = repeat(
      [
        ['tactics', 'metrics'],
        ['tactics', 'culture'],
        ['metrics', 'tactics', 'culture'],
      ],
      40,
    );
    const after = repeat(
      [
        ['cx', 'metrics'],
        ['cx', 'culture'],
        ['metrics', 'cx', 'culture'],
      ],
      40,
    );
    const result = compareWaves(wave(keys, before), wave(keys, after), { seed: 7, resamples: 400 });
    const byKey = new Map(result.items.map((item) => [item.key, item]));
    expect(byKey.get('cx')?.movement).toBe('rose');
    expect(byKey.get('tactics')?.movement).toBe('fell');
    expect(byKey.get('metrics')?.movement).toBe('no clear change');
    expect(byKey.get('culture')?.movement).toBe('no clear change');
    expect(byKey.get('cx')?.later.rank).toBe(1);
  });

  it('gives the same intervals for the same seed, and others for another seed', () => {
    const keys = ['a', 'b', 'c'];
    const earlier = wave(keys, [['a'], ['b', 'a'], ['c', 'b'], ['a', 'c'], []]);
    const later = wave(keys, [['b'], ['b', 'c'], ['a', 'b'], ['c']]);
    const first = compareWaves(earlier, later, { seed: 42, resamples: 300 });
    const again = compareWaves(earlier, later, { seed: 42, resamples: 300 });
    const other = compareWaves(earlier, later, { seed: 43, resamples: 300 });
    expect(again).toEqual(first);
    expect(other.items.map((item) => item.borda_change_interval)).not.toEqual(
      first.items.map((item) => item.borda_change_interval),
    );
  });

  it('matches a plain bootstrap that redraws each wave from its documented stream', () => {
    const keys = ['a', 'b', 'c', 'd'];
    const earlierLists = [['a', 'b'], ['b'], ['c', 'a', 'd'], [], ['a'], ['d', 'c']];
    const laterLists = [['d', 'a'], ['b', 'c'], ['c'], ['a', 'b', 'c', 'd'], ['d']];
    const B = 200;
    const differences = keys.map(() => [] as number[]);
    for (let b = 0; b < B; b++) {
      const draw = (lists: string[][], random: SeededRandom) => lists.map(() => lists[random.nextBelow(lists.length)]);
      const before = referenceRanking(keys, draw(earlierLists, new SeededRandom(5, b + 1)));
      const after = referenceRanking(keys, draw(laterLists, new SeededRandom(5, B + b + 1)));
      keys.forEach((key, f) => {
        const score = (rows: typeof before) => rows.find((row) => row.item === key)?.borda as number;
        differences[f].push(score(after) - score(before));
      });
    }
    const result = compareWaves(wave(keys, earlierLists), wave(keys, laterLists), { seed: 5, resamples: B });
    keys.forEach((key, f) => {
      const sorted = differences[f].sort((x, y) => x - y);
      // Percentile interval: the ⌈0.025·B⌉-th and ⌈0.975·B⌉-th smallest (5th and 195th of 200).
      const interval = result.items.find((item) => item.key === key)?.borda_change_interval as [number, number];
      expect(interval[0]).toBeCloseTo(sorted[4], 12);
      expect(interval[1]).toBeCloseTo(sorted[194], 12);
    });
  });

  it('has no interval and no movement when a wave has no respondents', () => {
    const result = compareWaves(wave(['a', 'b'], [['a']]), wave(['a', 'b'], []), { seed: 1, resamples: 100 });
    expect(result.later_respondents).toBe(0);
    expect(result.items.every((item) => item.borda_change_interval === null)).toBe(true);
  });
});

describe('movementOf', () => {
  it('calls a move only when the interval excludes 0', () => {
    expect(movementOf([0.01, 0.4])).toBe('rose');
    expect(movementOf([-0.4, -0.01])).toBe('fell');
    expect(movementOf([0, 0.4])).toBe('no clear change');
    expect(movementOf([-0.4, 0])).toBe('no clear change');
    expect(movementOf(null)).toBe('no clear change');
  });
});

describe('ownPoints', () => {
  it("scores one respondent's held list on the common items, unheld items tied at the bottom", () => {
    // n = 3: first held gets 2, second 1; one item left unheld gets (3 − 2 − 1) / 2 = 0.
    expect(ownPoints(['a', 'b', 'c'], ['c', 'x', 'a'])).toEqual([1, 0, 2]);
    expect(ownPoints(['a', 'b', 'c'], [])).toEqual([1, 1, 1]);
  });
});
