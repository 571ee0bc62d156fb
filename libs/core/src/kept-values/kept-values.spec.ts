import { KeptValues } from './kept-values';

describe(KeptValues.name, () => {
  it('stays within its maximum however many keys pass through, the least recently used going first', () => {
    const kept = new KeptValues<{ n: number }>({ max: 100 });
    kept.set('first', { n: -1 });
    for (let i = 0; i < 10_000; i++) {
      kept.get('first');
      kept.set(`k${i}`, { n: i });
      expect(kept.size).toBeLessThanOrEqual(100);
    }
    expect(kept.get('first')).toEqual({ n: -1 });
    expect(kept.get('k0')).toBeUndefined();
    expect(kept.get('k9999')).toEqual({ n: 9999 });
  });

  it('stays within its maximum size, and keeps nothing larger than that on its own', () => {
    const kept = new KeptValues<{ text: string }>({ max: 1_000, maxSize: 100, sizeOf: (value) => value.text.length });
    for (let i = 0; i < 50; i++) {
      kept.set(`k${i}`, { text: 'x'.repeat(30) });
      expect(kept.totalSize).toBeLessThanOrEqual(100);
    }
    expect(kept.size).toBe(3);
    kept.set('huge', { text: 'x'.repeat(101) });
    expect(kept.has('huge')).toBe(false);
    kept.set('empty', { text: '' });
    expect(kept.has('empty')).toBe(true);
  });

  it('tells its owner of each value that leaves, however it leaves', () => {
    const gone: string[] = [];
    const kept = new KeptValues<{ n: number }>({ max: 2, onRemove: (_, key) => gone.push(key) });
    kept.set('a', { n: 1 });
    kept.set('b', { n: 2 });
    kept.set('c', { n: 3 });
    kept.delete('b');
    kept.set('c', { n: 4 });
    expect(gone).toEqual(['a', 'b', 'c']);
  });

  it('drops the oldest entries while its owner says they are over, and stops at the first that is not', () => {
    const kept = new KeptValues<{ until: number }>({ max: 10 });
    kept.set('a', { until: 1 });
    kept.set('b', { until: 5 });
    kept.set('c', { until: 2 });
    kept.dropOldestWhile((value) => value.until <= 3);
    expect(kept.has('a')).toBe(false);
    expect(kept.has('b')).toBe(true);
    expect(kept.has('c')).toBe(true);
  });
});
