import type { SharedVersions } from '@roundtable/core';
import { SurveyCache, SURVEYS_KEPT_MAX } from './survey-cache';
import { SURVEYS_VERSION, type SurveyRecord, type SurveyRepository } from './survey.repository';

/** A survey repository whose reads finish when the test says, each giving the document as it is then. */
function setUp() {
  let stored = { _id: 's1', title: 'Accountabilities', status: 'open' };
  const reads: Array<() => void> = [];
  const repository = {
    findById: () =>
      new Promise<SurveyRecord>((resolve) => {
        const at = { ...stored };
        reads.push(() => resolve(at as unknown as SurveyRecord));
      }),
  };
  let version = 'v1';
  const versions = { snapshot: () => Promise.resolve({ [SURVEYS_VERSION]: version }) };
  const cache = new SurveyCache(repository as unknown as SurveyRepository, versions as unknown as SharedVersions);
  const finish = async () => {
    const pending = reads.splice(0);
    pending.forEach((resolve) => resolve());
    // Let the reads' continuations (keeping, starting the queued read) run.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    cache,
    reads,
    finish,
    change: (fields: object) => (stored = { ...stored, ...fields }),
    /** A write through SurveyRepository (in any process) changed the surveys version. */
    written: () => (version = `${version}+`),
  };
}

describe(SurveyCache.name, () => {
  it('gives a fresh call a read that began after it: calls during a read share the one queued after it', async () => {
    const { cache, reads, finish, change } = setUp();
    const first = cache.fresh('s1');
    expect(reads).toHaveLength(1);
    // Closed while the first read is under way: the calls after it must see the close.
    change({ status: 'closed' });
    const second = cache.fresh('s1');
    const third = cache.fresh('s1');
    expect(reads).toHaveLength(1);
    await finish();
    expect((await first)?.status).toBe('open');
    expect(reads).toHaveLength(1);
    await finish();
    expect((await second)?.status).toBe('closed');
    expect(await third).toBe(await second);
    // Kept, but under no version yet (it was read for an answer): a view reads the version and the survey.
    expect(cache.peek('s1', 'v1')).toBeUndefined();
  });

  it('keeps the same object when a read finds the survey unchanged, and a new one when it changed', async () => {
    const { cache, finish, change } = setUp();
    const reading = cache.fresh('s1');
    await finish();
    const kept = await reading;
    const again = cache.fresh('s1');
    await finish();
    expect(await again).toBe(kept);
    change({ title: 'Accountabilities 2027' });
    const changed = cache.fresh('s1');
    await finish();
    expect(await changed).not.toBe(kept);
  });

  it('reads a kept survey again once the surveys version changed, and only then', async () => {
    const { cache, reads, finish, change, written } = setUp();
    const first = cache.get('s1');
    await new Promise((resolve) => setImmediate(resolve));
    await finish();
    expect((await first)?.status).toBe('open');
    // Same version: served from memory, no read.
    expect((await cache.get('s1'))?.status).toBe('open');
    expect(reads).toHaveLength(0);
    // Closed by another process: its write changed the version, so the next request reads the survey.
    change({ status: 'closed' });
    written();
    expect(cache.peek('s1', 'v1+')).toBeUndefined();
    const after = cache.get('s1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toHaveLength(1);
    await finish();
    expect((await after)?.status).toBe('closed');
    expect(cache.peek('s1', 'v1+')?.status).toBe('closed');
  });

  it('holds at most its maximum of surveys however many ids are asked for', async () => {
    const repository = { findById: (id: string) => Promise.resolve(id.endsWith('0') ? null : { _id: id }) };
    const versions = { snapshot: () => Promise.resolve({ [SURVEYS_VERSION]: 'v1' }) };
    const cache = new SurveyCache(repository as unknown as SurveyRepository, versions as unknown as SharedVersions);
    for (let i = 0; i < SURVEYS_KEPT_MAX + 200; i++) {
      await cache.get(`s${i}`);
    }
    expect(cache.size).toBe(SURVEYS_KEPT_MAX);
    expect(cache.peek(`s${SURVEYS_KEPT_MAX + 199}`, 'v1')).toEqual({ _id: `s${SURVEYS_KEPT_MAX + 199}` });
    expect(cache.peek('s1', 'v1')).toBeUndefined();
  });
});
