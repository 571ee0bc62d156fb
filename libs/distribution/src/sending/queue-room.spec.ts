import { QueueRoom, waitForRoom } from './queue-room';

/** A queue whose batches finish one per look after `startAfter` looks (or never). */
function queue(counts: number[]): Pick<QueueRoom, 'waiting'> & { looks: number } {
  const q = {
    looks: 0,
    waiting: async () => counts[Math.min(q.looks++, counts.length - 1)],
  };
  return q;
}

const room = (over: Partial<QueueRoom>): QueueRoom => ({
  waiting: async () => 0,
  keepLease: async () => true,
  max: 3,
  patienceMs: 1_000,
  pollMs: 1,
  leaseEveryMs: 10_000,
  ...over,
});

describe('waitForRoom', () => {
  it('returns at once when fewer than the maximum batches wait', async () => {
    const q = queue([2]);
    expect(await waitForRoom(room({ waiting: q.waiting }))).toBe(true);
    expect(q.looks).toBe(1);
  });

  it('waits while the queue is full and returns once a batch has finished', async () => {
    const q = queue([3, 3, 4, 3, 2]);
    expect(await waitForRoom(room({ waiting: q.waiting }))).toBe(true);
    expect(q.looks).toBe(5);
  });

  it('goes on after its patience when no batch finishes (nobody else sends)', async () => {
    let clock = 0;
    const q = queue([5]);
    const waited = waitForRoom(
      room({
        waiting: async () => {
          clock += 400; // each look takes 400 ms of the clock
          return q.waiting();
        },
      }),
      () => clock,
    );
    expect(await waited).toBe(true);
    expect(clock).toBeGreaterThanOrEqual(1_000);
    expect(q.looks).toBe(4); // patience runs from the first look (400 ms) and is spent at the fourth (1,600 ms)
  });

  it('patience counts from the last batch that finished, not from the start', async () => {
    let clock = 0;
    const counts = [5, 5, 4, 4, 4, 4, 4];
    const q = queue(counts);
    await waitForRoom(
      room({
        max: 4,
        waiting: async () => {
          clock += 400;
          return q.waiting();
        },
      }),
      () => clock,
    );
    // Progress at the third look (1,200 ms) restarts the patience: it runs out after 2,200 ms.
    expect(clock).toBeGreaterThanOrEqual(2_200);
  });

  it('renews the lease while waiting and stops when the job was taken over', async () => {
    let clock = 0;
    let leases = 0;
    const taken = await waitForRoom(
      room({
        patienceMs: 60_000,
        leaseEveryMs: 1_000,
        waiting: async () => {
          clock += 600;
          return 9;
        },
        keepLease: async () => ++leases < 3,
      }),
      () => clock,
    );
    expect(taken).toBe(false);
    expect(leases).toBe(3);
  });
});
