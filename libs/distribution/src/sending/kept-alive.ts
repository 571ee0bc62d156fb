/**
 * Reads `source` for a long job, renewing its lease at least every `everyMs` while it waits for the
 * next item: a read can take longer than the lease (FerretDB v1 scans the whole members table to fill
 * one batch of a sparse audience, and a resumed distribution skips every member already invited without
 * writing anything), and a lease run out lets another worker take the job over mid-read.
 *
 * A renewal runs only while the reader waits for an item, never while the caller handles one: FerretDB
 * v1 writes a whole document back, so a renewal at the same time as the caller's checkpoint of the same
 * job could undo it (docs/storage.md). When a renewal finds the job is no longer ours, the read ends and
 * `takenOver` is true.
 */
export class KeptAliveRead<T> implements AsyncIterable<T> {
  takenOver = false;
  private lastRenewal: number;
  private renewing: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  constructor(
    private readonly source: AsyncIterable<T>,
    private readonly keepLease: () => Promise<boolean>,
    private readonly everyMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastRenewal = now();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const items = this.source[Symbol.asyncIterator]();
    try {
      while (!this.takenOver) {
        const next = await this.whileWaiting(items.next());
        if (next.done || this.takenOver) {
          return;
        }
        yield next.value;
      }
    } finally {
      await items.return?.();
    }
  }

  private async whileWaiting<R>(pending: Promise<R>): Promise<R> {
    if (this.due()) {
      await this.renew();
    }
    const timer = setInterval(
      () => {
        if (this.due()) {
          this.renewing = this.renewing.then(() => this.renew());
        }
      },
      Math.min(this.everyMs, 1_000),
    );
    let item: R;
    try {
      item = await pending;
    } finally {
      clearInterval(timer);
      await this.renewing;
    }
    if (this.failure !== null) {
      throw this.failure;
    }
    return item;
  }

  private due(): boolean {
    return !this.takenOver && this.now() - this.lastRenewal >= this.everyMs;
  }

  private async renew(): Promise<void> {
    if (!this.due()) {
      return;
    }
    this.lastRenewal = this.now();
    try {
      if (!(await this.keepLease())) {
        this.takenOver = true;
      }
    } catch (error) {
      this.failure = error;
    }
  }
}
