import { PageStore } from './page-store';

const page = (body: string, version = 'v1', renderedAt = new Date(1_000)) => ({
  body: Buffer.from(body),
  contentType: 'text/html; charset=utf-8',
  renderedAt,
  version,
});

describe(PageStore.name, () => {
  const limits = { maxEntries: 3, maxBytes: 1_000, maxAgeMs: 60_000 };

  it('returns a page stored under the current version, with a strong ETag of its body', () => {
    const store = new PageStore(limits);
    const stored = store.set('/', page('<p>home</p>'));
    expect(store.get('/', 'v1', 2_000)?.body.toString()).toBe('<p>home</p>');
    expect(stored.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(store.set('/other', page('<p>home</p>')).etag).toBe(stored.etag);
    expect(store.set('/third', page('<p>else</p>')).etag).not.toBe(stored.etag);
  });

  it('drops a page once the version changed (a write) or it grew older than the maximum age', () => {
    const store = new PageStore(limits);
    store.set('/', page('a'));
    expect(store.get('/', 'v2', 2_000)).toBeNull();
    expect(store.size).toBe(0);
    store.set('/', page('a'));
    expect(store.get('/', 'v1', 1_000 + 59_999)).not.toBeNull();
    expect(store.get('/', 'v1', 1_000 + 60_000)).toBeNull();
  });

  it('keeps at most maxEntries pages, forgetting the least recently used first', () => {
    const store = new PageStore(limits);
    store.set('/a', page('a'));
    store.set('/b', page('b'));
    store.set('/c', page('c'));
    store.get('/a', 'v1', 2_000);
    store.set('/d', page('d'));
    expect(store.size).toBe(3);
    expect(store.get('/b', 'v1', 2_000)).toBeNull();
    expect(store.get('/a', 'v1', 2_000)).not.toBeNull();
    expect(store.get('/d', 'v1', 2_000)).not.toBeNull();
  });

  it('keeps at most maxBytes of bodies and never stores a body larger than that', () => {
    const store = new PageStore(limits);
    store.set('/a', page('x'.repeat(600)));
    store.set('/b', page('y'.repeat(600)));
    expect(store.get('/a', 'v1', 2_000)).toBeNull();
    expect(store.get('/b', 'v1', 2_000)).not.toBeNull();
    store.set('/huge', page('z'.repeat(1_001)));
    expect(store.get('/huge', 'v1', 2_000)).toBeNull();
    expect(store.get('/b', 'v1', 2_000)).not.toBeNull();
  });

  it('stays within its bounds however many URLs pass through (query strings make the key space open)', () => {
    const store = new PageStore({ maxEntries: 100, maxBytes: 5_000, maxAgeMs: 60_000 });
    for (let i = 0; i < 10_000; i++) {
      store.set(`/?page=${i}`, page('x'.repeat(i % 200)));
    }
    expect(store.size).toBeLessThanOrEqual(100);
    expect(store.bytes).toBeLessThanOrEqual(5_000);
  });

  it('replaces the page of a URL rendered again', () => {
    const store = new PageStore(limits);
    store.set('/', page('old'));
    store.set('/', page('new', 'v2'));
    expect(store.size).toBe(1);
    expect(store.get('/', 'v2', 2_000)?.body.toString()).toBe('new');
  });
});
