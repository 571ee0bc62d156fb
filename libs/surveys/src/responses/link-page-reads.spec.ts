import type { LinkRecord } from '../links/link.repository';
import { LINK_PAGE_READS_MAX, LinkPageReadsCache, type LinkPageReads } from './link-page-reads';

const reads = (invitationId: string): LinkPageReads => ({
  link: { _id: `hash-${invitationId}`, invitationId, surveyId: 's1', revokedAt: null } as unknown as LinkRecord,
  response: null,
  prefill: {},
  opened: true,
});

describe('LinkPageReadsCache', () => {
  it('gives back what was stored until its time is up, then nothing', () => {
    const cache = new LinkPageReadsCache(1_000);
    cache.set('h1', reads('i1'), 10_000);
    expect(cache.get('h1', 10_999)).toEqual(reads('i1'));
    expect(cache.get('h1', 11_000)).toBeNull();
    expect(cache.get('h2', 10_000)).toBeNull();
  });

  it('lets expired reads go as new ones are kept, so only the last second’s links stay in memory', () => {
    const cache = new LinkPageReadsCache(1_000);
    cache.set('h1', reads('i1'), 0);
    cache.set('h2', reads('i2'), 500);
    cache.set('h3', reads('i3'), 1_200);
    expect(cache.size).toBe(2);
    expect(cache.get('h2', 1_200)).toEqual(reads('i2'));
    cache.set('h4', reads('i4'), 2_000);
    expect(cache.size).toBe(2);
    expect(cache.get('h3', 2_000)).toEqual(reads('i3'));
  });

  it('holds at most its maximum of links when more are viewed within one second', () => {
    const cache = new LinkPageReadsCache(1_000);
    for (let i = 0; i < LINK_PAGE_READS_MAX + 500; i++) {
      cache.set(`h${i}`, reads(`i${i}`), 0);
    }
    expect(cache.size).toBe(LINK_PAGE_READS_MAX);
    expect(cache.get('h0', 1)).toBeNull();
    expect(cache.get(`h${LINK_PAGE_READS_MAX + 499}`, 1)).toEqual(reads(`i${LINK_PAGE_READS_MAX + 499}`));
  });

  it('forgets every link of an invitation whose response changed, and only those', () => {
    const cache = new LinkPageReadsCache(1_000);
    cache.set('old', reads('i1'), 0);
    cache.set('new', reads('i1'), 0);
    cache.set('other', reads('i2'), 0);
    cache.forgetInvitation('i1');
    expect(cache.get('old', 1)).toBeNull();
    expect(cache.get('new', 1)).toBeNull();
    expect(cache.get('other', 1)).toEqual(reads('i2'));
  });

  it('keeps an unknown link (no invitation) like any other', () => {
    const cache = new LinkPageReadsCache(1_000);
    cache.set('unknown', { link: null, response: null, prefill: {}, opened: false }, 0);
    expect(cache.get('unknown', 1)).toMatchObject({ link: null });
    cache.forgetInvitation('i1');
    expect(cache.get('unknown', 1)).toMatchObject({ link: null });
  });

  it('shares one load among concurrent views, and keeps no load that an answer overtook', async () => {
    const cache = new LinkPageReadsCache(1_000);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return reads('i1');
    };
    await Promise.all([cache.read('h1', load), cache.read('h1', load)]);
    expect(loads).toBe(1);
    expect(cache.get('h1')).toEqual(reads('i1'));

    const overtaken = cache.read('h2', load);
    cache.forgetInvitation('i1');
    await overtaken;
    expect(cache.get('h2')).toBeNull();

    // An answer to another invitation does not stop a read from being kept.
    const other = cache.read('h3', load);
    cache.forgetInvitation('i2');
    await other;
    expect(cache.get('h3')).toEqual(reads('i1'));
  });

  it('answers from the kept reads while it reads them again in the background, never past their time', async () => {
    const cache = new LinkPageReadsCache(1_000);
    const first = reads('i1');
    cache.set('h1', first, 10_000);
    let loads = 0;
    let finish: (value: LinkPageReads) => void = () => undefined;
    const load = () => {
      loads++;
      return new Promise<LinkPageReads>((resolve) => (finish = resolve));
    };
    // Young reads: given as they are, nothing read.
    expect(await cache.read('h1', load, 10_500)).toBe(first);
    expect(loads).toBe(0);
    // Older than 60% of their time: still given at once, and one read starts for the views after.
    expect(await cache.read('h1', load, 10_700)).toBe(first);
    expect(await cache.read('h1', load, 10_800)).toBe(first);
    expect(loads).toBe(1);
    const second = { ...reads('i1'), opened: false };
    finish(second);
    await new Promise((resolve) => setImmediate(resolve));
    const kept = await cache.read('h1', load);
    expect(kept).toBe(second);
    // "Opened" was recorded through this link before: the new reads know it.
    expect(kept.opened).toBe(true);
    expect(loads).toBe(1);
    // Past their time, a view waits for fresh reads rather than see old ones.
    const third = reads('i1');
    const waited = cache.read('h1', load, Date.now() + 1_000);
    finish(third);
    expect(await waited).toBe(third);
    expect(loads).toBe(2);
  });

  it('keeps the reads it has when a background read fails, until their time is up', async () => {
    const cache = new LinkPageReadsCache(1_000);
    const first = reads('i1');
    cache.set('h1', first, 10_000);
    const failing = () => Promise.reject(new Error('database away'));
    expect(await cache.read('h1', failing, 10_700)).toBe(first);
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.get('h1', 10_900)).toBe(first);
    await expect(cache.read('h1', failing, 11_000)).rejects.toThrow('database away');
  });
});
