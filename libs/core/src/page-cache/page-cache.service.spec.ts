import { MAX_DATA_ENTRIES, PageCache } from './page-cache.service';
import type { PageVersionRepository } from './page-version.repository';

/** The shared version document as another process would change it (an in-memory stand-in). */
class SharedVersion {
  version: string | null = null;
  async current() {
    return this.version;
  }
  async change(version: string) {
    this.version = version;
  }
}

function cacheWith(shared: SharedVersion, maxAgeMs = 60_000) {
  return new PageCache({ checkMs: 1_000, maxAgeMs }, shared as unknown as PageVersionRepository);
}

describe('PageCache.remember', () => {
  it('reads once per version, and again after a write in this process', async () => {
    const cache = cacheWith(new SharedVersion());
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.remember('post:a', load)).toBe(1);
    expect(await cache.remember('post:a', load)).toBe(1);
    await cache.invalidate();
    expect(await cache.remember('post:a', load)).toBe(2);
  });

  it("sees another process's write at its next check of the shared version", async () => {
    const shared = new SharedVersion();
    const cache = cacheWith(shared);
    let reads = 0;
    const load = async () => ++reads;
    const start = Date.now();
    expect(await cache.remember('post:a', load, start)).toBe(1);
    await shared.change('written-elsewhere');
    expect(await cache.remember('post:a', load, start + 10)).toBe(1);
    expect(await cache.remember('post:a', load, start + 1_500)).toBe(2);
  });

  it('does not keep a read that a write in this process overtook', async () => {
    const cache = cacheWith(new SharedVersion());
    let reads = 0;
    const slow = async () => {
      const value = ++reads;
      await cache.invalidate();
      return value;
    };
    expect(await cache.remember('post:a', slow)).toBe(1);
    expect(await cache.remember('post:a', async () => ++reads)).toBe(2);
  });

  it('reads every time when the cache is off, and keeps nothing past the maximum age', async () => {
    let reads = 0;
    const off = cacheWith(new SharedVersion(), 0);
    await off.remember('k', async () => ++reads);
    expect(await off.remember('k', async () => ++reads)).toBe(2);
    const short = cacheWith(new SharedVersion(), 100);
    const start = Date.now();
    expect(await short.remember('k', async () => 'first', start)).toBe('first');
    expect(await short.remember('k', async () => 'second', start + 50)).toBe('first');
    expect(await short.remember('k', async () => 'third', start + 150)).toBe('third');
  });

  it('holds at most its maximum of remembered values however many keys pass through', async () => {
    const cache = cacheWith(new SharedVersion());
    for (let i = 0; i < MAX_DATA_ENTRIES + 500; i++) {
      await cache.remember(`post:${i}`, async () => i);
    }
    expect(cache.rememberedCount).toBe(MAX_DATA_ENTRIES);
  });

  it('shares one read among concurrent requests', async () => {
    const cache = cacheWith(new SharedVersion());
    let reads = 0;
    const load = async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return reads;
    };
    expect(await Promise.all([cache.remember('k', load), cache.remember('k', load)])).toEqual([1, 1]);
    expect(reads).toBe(1);
  });
});
