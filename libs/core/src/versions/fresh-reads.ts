/**
 * Shares one read among concurrent callers without ever handing a caller a read that started before
 * it asked. A caller arriving while a read runs waits for the next one, which starts when the running
 * one ends and serves everyone who arrived meanwhile. So "a change completed before I asked is in my
 * answer" holds for every caller, while 50 concurrent requests cost about two reads, not 50.
 */
export class FreshReads<T> {
  private running: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  /** A value read entirely after this call. */
  next(): Promise<T> {
    if (this.running === null) {
      return this.start();
    }
    this.queued ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<T> {
    const started = this.read().finally(() => {
      if (this.running === started) {
        this.running = null;
      }
    });
    this.running = started;
    return started;
  }
}
