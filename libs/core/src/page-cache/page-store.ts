import { createHash } from 'node:crypto';

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
  private readonly pages = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(private readonly limits: PageStoreLimits) {}

  get size(): number {
    return this.pages.size;
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
    this.pages.delete(url);
    if (page.version !== version || now - page.renderedAt.getTime() >= this.limits.maxAgeMs) {
      this.bytes -= page.body.length;
      return null;
    }
    // Re-inserted, so the Map's order is least recently used first.
    this.pages.set(url, page);
    return page;
  }

  set(url: string, page: Omit<CachedPage, 'etag'>): CachedPage {
    const stored = { ...page, etag: `"${createHash('sha1').update(page.body).digest('base64url')}"` };
    if (page.body.length > this.limits.maxBytes) {
      return stored;
    }
    this.delete(url);
    this.pages.set(url, stored);
    this.bytes += page.body.length;
    for (const [oldest, old] of this.pages) {
      if (this.pages.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) {
        break;
      }
      this.pages.delete(oldest);
      this.bytes -= old.body.length;
    }
    return stored;
  }

  private delete(url: string): void {
    const old = this.pages.get(url);
    if (old) {
      this.pages.delete(url);
      this.bytes -= old.body.length;
    }
  }
}
