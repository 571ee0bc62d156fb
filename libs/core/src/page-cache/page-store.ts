import { createHash } from 'node:crypto';
import { KeptValues } from '../kept-values/kept-values';

/** One rendered public page, as a visitor without a session gets it. */
export interface CachedPage {
  body: Buffer;
  contentType: string;
  /** Strong validator: a hash of the body. */
  etag: string;
  renderedAt: Date;
  /** The public-pages version the page was rendered under; a write to what pages show changes it. */
  version: string;
}

export interface PageStoreLimits {
  /** Entries kept at most (least recently used go first); query strings make the key space open. */
  maxEntries: number;
  /** Bytes of bodies kept at most. */
  maxBytes: number;
  /** A page is rendered again after this long even without a write (scheduled posts go live by time). */
  maxAgeMs: number;
}

/**
 * The in-memory store behind the public page cache: pages by URL, valid while the version they were
 * rendered under is current and they are younger than `maxAgeMs`. Pure, so it is tested alone.
 */
export class PageStore {
  private readonly pages: KeptValues<CachedPage>;

  constructor(private readonly limits: PageStoreLimits) {
    this.pages = new KeptValues<CachedPage>({
      max: limits.maxEntries,
      ttlMs: limits.maxAgeMs,
      maxSize: limits.maxBytes,
      sizeOf: (page) => page.body.length,
    });
  }

  get size(): number {
    return this.pages.size;
  }

  /** Bytes of bodies held. */
  get bytes(): number {
    return this.pages.totalSize;
  }

  has(url: string): boolean {
    return this.pages.has(url);
  }

  /** The page for `url` if it is still valid under `version` at `now`; stale entries are dropped. */
  get(url: string, version: string, now = Date.now()): CachedPage | null {
    const page = this.pages.get(url);
    if (!page) {
      return null;
    }
    if (page.version !== version || now - page.renderedAt.getTime() >= this.limits.maxAgeMs) {
      this.pages.delete(url);
      return null;
    }
    return page;
  }

  set(url: string, page: Omit<CachedPage, 'etag'>): CachedPage {
    const stored = { ...page, etag: `"${createHash('sha1').update(page.body).digest('base64url')}"` };
    if (page.body.length > this.limits.maxBytes) {
      return stored;
    }
    this.pages.set(url, stored);
    return stored;
  }
}
