/**
 * Group commit: callers add items one at a time and each waits until its item is written; items added
 * while a write is under way are written together by the next one. So a caller waits about as long
 * as for a write of its own (its record is as prompt as before), but a few hundred items cost a few
 * round trips instead of one each. A write may answer each item (its results, in the items' order);
 * a failed write rejects the promises of the items it carried.
 */
export class GroupCommit<T, R = void> {
  private pending: Array<{ item: T; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly write: (items: T[]) => Promise<R[] | void>) {}

  /** Resolves once `item` is written (with whatever else was waiting), to the write's answer for it. */
  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the callers of this tick join the first group.
    await Promise.resolve();
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      try {
        const results = await this.write(group.map((entry) => entry.item));
        group.forEach((entry, k) => entry.resolve(results ? results[k] : (undefined as R)));
      } catch (error) {
        group.forEach((entry) => entry.reject(error));
      }
    }
    this.writing = null;
  }
}
