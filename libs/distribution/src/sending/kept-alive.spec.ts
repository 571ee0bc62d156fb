import { KeptAliveRead } from './kept-alive';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Yields `values`, each after `delayMs` (a cursor waiting on the database). */
async function* slowly<T>(values: T[], delayMs: number): AsyncGenerator<T> {
  for (const value of values) {
    await sleep(delayMs);
    yield value;
  }
}

describe('KeptAliveRead', () => {
  it('renews the lease during one wait longer than the lease interval', async () => {
    let renewals = 0;
    const read = new KeptAliveRead(
      slowly(['a'], 200),
      () => {
        renewals += 1;
        return Promise.resolve(true);
      },
      20,
    );
    const items: string[] = [];
    for await (const item of read) {
      items.push(item);
    }
    expect(items).toEqual(['a']);
    expect(renewals).toBeGreaterThanOrEqual(1);
    expect(read.takenOver).toBe(false);
  });

  it('renews across many short waits too, and never while the caller handles an item', async () => {
    let handling = false;
    let renewals = 0;
    let duringHandling = 0;
    const read = new KeptAliveRead(
      slowly([1, 2, 3, 4, 5, 6], 5),
      () => {
        renewals += 1;
        duringHandling += handling ? 1 : 0;
        return Promise.resolve(true);
      },
      15,
    );
    for await (const item of read) {
      handling = true;
      await sleep(10); // the caller's checkpoint and writes
      handling = false;
      expect(item).toBeGreaterThan(0);
    }
    expect(renewals).toBeGreaterThanOrEqual(1);
    expect(duringHandling).toBe(0);
  });

  it('ends the read when a renewal finds the job taken over', async () => {
    const read = new KeptAliveRead(slowly([1, 2, 3, 4, 5], 30), () => Promise.resolve(false), 10);
    const items: number[] = [];
    for await (const item of read) {
      items.push(item);
    }
    expect(read.takenOver).toBe(true);
    expect(items).toEqual([]);
  });

  it('fails the read when a renewal fails', async () => {
    const read = new KeptAliveRead(slowly([1], 60), () => Promise.reject(new Error('database gone')), 10);
    await expect(async () => {
      for await (const item of read) {
        expect(item).toBe(1);
      }
    }).rejects.toThrow('database gone');
  });
});
