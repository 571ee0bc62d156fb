import { FreshReads } from './fresh-reads';

/** A read whose answer the test gives by hand, so the order of events is the test's, not the clock's. */
function manualReads() {
  const started: Array<{ resolve: (value: number) => void; reject: (error: Error) => void }> = [];
  const reads = new FreshReads<number>(
    () =>
      new Promise<number>((resolve, reject) => {
        started.push({ resolve, reject });
      }),
  );
  return { reads, started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('FreshReads', () => {
  it('starts a read for the first caller', async () => {
    const { reads, started } = manualReads();
    const answer = reads.next();
    expect(started).toHaveLength(1);
    started[0].resolve(1);
    await expect(answer).resolves.toBe(1);
  });

  it('never hands a caller the read that was running when it asked, but the next one', async () => {
    const { reads, started } = manualReads();
    const first = reads.next();
    const second = reads.next();
    expect(started).toHaveLength(1);
    started[0].resolve(1);
    await expect(first).resolves.toBe(1);
    await settle();
    expect(started).toHaveLength(2);
    started[1].resolve(2);
    await expect(second).resolves.toBe(2);
  });

  it('serves everyone who arrived during one read with a single next read', async () => {
    const { reads, started } = manualReads();
    void reads.next();
    const waiting = [reads.next(), reads.next(), reads.next()];
    started[0].resolve(1);
    await settle();
    expect(started).toHaveLength(2);
    started[1].resolve(2);
    await expect(Promise.all(waiting)).resolves.toEqual([2, 2, 2]);
  });

  it('starts afresh once nothing runs, and after a failed read', async () => {
    const { reads, started } = manualReads();
    const failing = reads.next();
    const after = reads.next();
    started[0].reject(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    await settle();
    started[1].resolve(7);
    await expect(after).resolves.toBe(7);
    const later = reads.next();
    expect(started).toHaveLength(3);
    started[2].resolve(8);
    await expect(later).resolves.toBe(8);
  });
});
