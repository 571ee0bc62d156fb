/**
 * Group commit: callers add items one at a time and each waits until its item is written; items added
 * while a write is under way are written together by the next one. So a caller waits about as long
 * as for a write of its own (its record is as prompt as before), but a few hundred items cost a few
 * round trips instead of one each. A failed write rejects the promises of the items it carried.
 */
export class GroupCommit<T> {
  private pending: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly write: (items: T[]) => Promise<void>) {}

  /** Resolves once `item` is written (with whatever else was waiting). */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
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
        await this.write(group.map((entry) => entry.item));
        group.forEach((entry) => entry.resolve());
      } catch (error) {
        group.forEach((entry) => entry.reject(error));
      }
    }
    this.writing = null;
  }
}
