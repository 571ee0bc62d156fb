import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { pageCacheConfig } from './page-cache.config';
import { KeptValues } from '../kept-values/kept-values';
import { CachedPage, PageStore } from './page-store';
import { PageVersionRepository } from './page-version.repository';

/** How many `remember` values one process keeps; past it, the least recently used goes first. */
export const MAX_DATA_ENTRIES = 5_000;

/**
 * What visitors see, cached in memory per process so a public page costs no database round trip.
 * Invalidation: a write to anything a public page shows calls `invalidate()`, which changes this
 * process's version at once and the shared version document for the others; each process reads that
 * document at most every `PAGE_CACHE_CHECK_MS` (one `_id` lookup, shared by all requests meanwhile), so
 * another process's write shows within about a second. Pages also expire after
 * `PAGE_CACHE_MAX_AGE_SECONDS`, which covers what changes by time alone (a scheduled post going live).
 */
@Injectable()
export class PageCache implements OnApplicationBootstrap {
  private readonly logger = new Logger('PageCache');
  private readonly store: PageStore;
  /** What `remember` keeps: data pages are built from, under the version it was read at. */
  private readonly data: KeptValues<{ value: unknown; version: string; storedAt: number }>;
  private readonly loading = new Map<string, Promise<unknown>>();
  private version: string = randomUUID();
  private checkedAt = 0;
  private checking: Promise<string> | null = null;
  /** Counts this process's own invalidations, so a read that started before one cannot undo it. */
  private localChanges = 0;

  constructor(
    @Inject(pageCacheConfig.KEY) private readonly config: ConfigType<typeof pageCacheConfig>,
    private readonly versions: PageVersionRepository,
  ) {
    this.store = new PageStore({ maxEntries: 1_000, maxBytes: 64 * 2 ** 20, maxAgeMs: config.maxAgeMs });
    this.data = new KeptValues({ max: MAX_DATA_ENTRIES, ttlMs: config.maxAgeMs });
  }

  /** Starts from the shared version, so the first pages this process stores are not stale at once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.currentVersion().catch(() => undefined);
  }

  get enabled(): boolean {
    return this.config.maxAgeMs > 0;
  }

  /** Public pages changed: this process renders them again now, other processes after their next check. */
  async invalidate(): Promise<void> {
    const version = randomUUID();
    this.version = version;
    this.localChanges++;
    try {
      await this.versions.change(version);
    } catch (error) {
      // The write that called us succeeded; other processes still catch up by the maximum age.
      this.logger.warn(`Could not share the new public-pages version: ${String(error)}`);
    }
  }

  /** The current version, read from the shared document at most every `checkMs`. */
  async currentVersion(now = Date.now()): Promise<string> {
    if (now - this.checkedAt < this.config.checkMs) {
      return this.version;
    }
    const changesBefore = this.localChanges;
    this.checking ??= this.versions
      .current()
      .then((shared) => {
        if (shared && this.localChanges === changesBefore) {
          this.version = shared;
        }
        this.checkedAt = Date.now();
        return this.version;
      })
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  /** The version as this process last knew it, without reading the shared document. */
  get knownVersion(): string {
    return this.version;
  }

  /** Whether a page is stored for `url` (valid or not): only then is the shared version worth reading. */
  has(url: string): boolean {
    return this.store.has(url);
  }

  get(url: string, version: string): CachedPage | null {
    return this.store.get(url, version);
  }

  set(url: string, page: Omit<CachedPage, 'etag'>): CachedPage {
    return this.store.set(url, page);
  }

  /** How many `remember` values this process holds. */
  get rememberedCount(): number {
    return this.data.size;
  }

  /**
   * Data that public pages show (a post, its comments, a setting), read once per version and reused
   * by the personal pages built from it (a member's view of a post), which are never cached whole.
   * The same writes invalidate it, and it expires with the pages. The value is shared by every
   * request: callers must not change it.
   */
  async remember<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    if (!this.enabled) {
      return load();
    }
    const version = await this.currentVersion(now);
    const kept = this.data.get(key);
    if (kept && kept.version === version && now - kept.storedAt < this.config.maxAgeMs) {
      return kept.value as T;
    }
    const loadKey = `${version}\n${key}`;
    const pending = this.loading.get(loadKey) as Promise<T> | undefined;
    if (pending) {
      // Concurrent requests after a change share one read.
      return pending;
    }
    const changesBefore = this.localChanges;
    const loaded = load().finally(() => this.loading.delete(loadKey));
    this.loading.set(loadKey, loaded);
    const value = await loaded;
    // A write in this process while we read may have changed what we read: keep it only if none did.
    if (this.localChanges === changesBefore) {
      this.data.set(key, { value, version, storedAt: now });
    }
    return value;
  }
}
