import { KeptValues } from '@roundtable/core';

/**
 * Values one process keeps in memory, each under the shared version (core's SharedVersions) read
 * BEFORE the value was read. A kept value is given back only while the caller's request read that
 * same version, and never past `maxAgeMs`. Why that is enough: every write completes before its writer
 * changes the version, so a request reading the same version before using the kept value would have
 * read that same value from the database. The maximum age is only a safety net for a write whose
 * version change failed after the write itself succeeded. Each caller gets its own copy, so nothing
 * one request does to what it was given reaches another. Past `max` values, the least recently used goes.
 */
export class KeptUnderVersion<T> {
  private readonly kept: KeptValues<{ value: T; version: string; keptAt: number }>;

  constructor(
    private readonly copy: (value: T) => T,
    max: number,
    private readonly maxAgeMs: number,
  ) {
    this.kept = new KeptValues({ max, ttlMs: maxAgeMs });
  }

  /** The kept value, if kept under exactly this version and not too long ago; a copy. */
  find(key: string, version: string | null, now = Date.now()): T | null {
    const kept = this.kept.get(key);
    if (!kept || version === null || kept.version !== version || now - kept.keptAt >= this.maxAgeMs) {
      return null;
    }
    return this.copy(kept.value);
  }

  /** Keeps a value read under `version`. No version keeps nothing: there is nothing to tell a change by. */
  keep(key: string, value: T, version: string | null, now = Date.now()): void {
    if (version === null) {
      return;
    }
    this.kept.set(key, { value: this.copy(value), version, keptAt: now });
  }

  forget(key: string): void {
    this.kept.delete(key);
  }

  get size(): number {
    return this.kept.size;
  }
}
