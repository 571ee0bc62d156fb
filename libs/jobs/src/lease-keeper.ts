/**
 * Keeps a running job's lease while its handler runs: renews it every `everyMs` (a third of the lease),
 * and runs the handler's own writes to its job (a checkpoint, a renewal it asks for) one at a time with
 * those renewals, because FerretDB v1 writes a whole document back, so of two concurrent updates to one
 * job only one would stay (docs/storage.md). Without it, a job that outlasts its lease between writes
 * (the staff home's recount or the audience read over 100,000 members on a loaded machine) is claimed
 * as abandoned by another lane, which runs the same work beside it while the send batches wait.
 * A crashed worker renews nothing, so its jobs are claimed again after one lease, as before.
 */
export class LeaseKeeper {
  private writes: Promise<unknown> = Promise.resolve();
  private readonly timer: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(
    private readonly renew: () => Promise<boolean>,
    everyMs: number,
  ) {
    this.timer = setInterval(() => void this.exclusive(() => this.renewQuietly()), everyMs);
  }

  /** Runs `write` after every write and renewal before it has finished, and before any after it. */
  exclusive<T>(write: () => Promise<T>): Promise<T> {
    const done = this.writes.then(write);
    this.writes = done.catch(() => undefined);
    return done;
  }

  /** Renews no more, and waits for a renewal under way (before the job is settled). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.writes;
  }

  private async renewQuietly(): Promise<void> {
    if (this.stopped) {
      return;
    }
    try {
      if (!(await this.renew())) {
        // Taken over: the handler learns it at its next checkpoint; renewing again cannot help.
        this.stopped = true;
        clearInterval(this.timer);
      }
    } catch {
      // The database did not answer this time; the next renewal comes well within the lease.
    }
  }
}
