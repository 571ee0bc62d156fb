import type { LinkRecord } from '../links/link.repository';
import { LinkPageReadsCache, type LinkPageReads } from './link-page-reads';

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
  });
});
