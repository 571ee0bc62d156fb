/** What `waitForRoom` needs: how many batches wait, and how to keep the caller's job alive meanwhile. */
export interface QueueRoom {
  /** Batches of this distribution still queued or running. */
  waiting(): Promise<number>;
  /** Renews the waiting job's lease; false when another worker took the job over. */
  keepLease(): Promise<boolean>;
  /** At most this many batches queued ahead of the workers. */
  max: number;
  /** Goes on anyway after this long without a batch finishing (nobody else is sending). */
  patienceMs: number;
  /** How often to look again. */
  pollMs: number;
  /** Renew the lease at least this often while waiting (well inside the job's lease). */
  leaseEveryMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until fewer than `max` batches are queued, so a distribution keeps only a few batches ahead
 * of the workers instead of queueing the whole audience at once. A queued batch carries its 250
 * recipients (~30 KB) and FerretDB v1 answers every job claim by reading the whole `jobs` collection:
 * at 100,000 members, 400 queued batches made each claim read ~10 MB and take seconds, and sending
 * fell to ~40 emails/s. The wait gives up after `patienceMs` without a batch finishing, so a worker
 * whose only free lane is the one this job holds (or a test running jobs one by one) still gets
 * every batch queued. Returns false if the job was taken over while waiting (stop at once).
 */
export async function waitForRoom(room: QueueRoom, now: () => number = Date.now): Promise<boolean> {
  let waiting = await room.waiting();
  let lastProgress = now();
  let lastLease = now();
  while (waiting >= room.max && now() - lastProgress < room.patienceMs) {
    await sleep(room.pollMs);
    if (now() - lastLease >= room.leaseEveryMs) {
      if (!(await room.keepLease())) {
        return false;
      }
      lastLease = now();
    }
    const before = waiting;
    waiting = await room.waiting();
    if (waiting < before) {
      lastProgress = now();
    }
  }
  return true;
}
