import { inPool } from './batch';

describe(inPool.name, () => {
  it('keeps at most `limit` items in flight and does them all', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await inPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(n);
      inFlight -= 1;
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing new after a failure and rethrows it', async () => {
    const started: number[] = [];
    await expect(
      inPool([1, 2, 3, 4, 5], 1, async (n) => {
        started.push(n);
        if (n === 2) {
          throw new Error('relay away');
        }
      }),
    ).rejects.toThrow('relay away');
    expect(started).toEqual([1, 2]);
  });
});
