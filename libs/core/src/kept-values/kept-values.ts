import { LRUCache } from 'lru-cache';

export interface KeptValuesLimits<V> {
  /** Entries kept at most; past it, the least recently used goes first. */
  max: number;
  /**
   * A memory backstop: an entry is dropped once this old (ms), whatever its owner's rule says. The
   * owner's own check of what is current still decides what is given back.
   */
  ttlMs?: number;
  /** With `sizeOf`: the total size kept at most (an entry larger than this on its own is not kept). */
  maxSize?: number;
  sizeOf?: (value: V, key: string) => number;
  /** Called whenever an entry leaves (evicted, dropped or replaced), for an owner's index of its own. */
  onRemove?: (value: V, key: string) => void;
}

/**
 * Values one process keeps in memory, bounded in count (and optionally in size and age) by
 * `lru-cache`. Only the bound lives here: each owner stores with its value what tells it whether the
 * value is still current (a version, a time) and checks that itself, so the bound and the rule for
 * what is current do not mix.
 */
export class KeptValues<V extends object> {
  private readonly cache: LRUCache<string, V>;

  constructor(limits: KeptValuesLimits<V>) {
    const { onRemove, sizeOf } = limits;
    this.cache = new LRUCache<string, V>({
      max: limits.max,
      ...(limits.ttlMs ? { ttl: limits.ttlMs } : {}),
      ...(limits.maxSize && sizeOf
        ? { maxSize: limits.maxSize, sizeCalculation: (value, key) => Math.max(1, Math.ceil(sizeOf(value, key))) }
        : {}),
      ...(onRemove ? { dispose: (value, key) => onRemove(value, key) } : {}),
    });
  }

  /** The value kept for `key`, marked as just used. */
  get(key: string): V | undefined {
    return this.cache.get(key);
  }

  /** The value kept for `key`, leaving the order of use as it was. */
  peek(key: string): V | undefined {
    return this.cache.peek(key);
  }

  has(key: string): boolean {
    return this.cache.has(key);
  }

  set(key: string, value: V): void {
    this.cache.set(key, value);
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }

  /** Drops entries from the least recently used on, while `over` says so of each: an owner's own expiry. */
  dropOldestWhile(over: (value: V, key: string) => boolean): void {
    for (;;) {
      const oldest = this.cache.rkeys().next();
      if (oldest.done) {
        return;
      }
      const value = this.cache.peek(oldest.value);
      if (value === undefined || !over(value, oldest.value)) {
        return;
      }
      this.cache.delete(oldest.value);
    }
  }

  get size(): number {
    return this.cache.size;
  }

  /** The total of `sizeOf` over what is kept (0 without `sizeOf`). */
  get totalSize(): number {
    return this.cache.calculatedSize;
  }
}
