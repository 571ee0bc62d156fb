/**
 * `insertNew` shared among concurrent callers: each adds its documents and waits until they are
 * written; documents added while a write is under way go together in the next one. Each caller
 * learns which of ITS documents were new: a unique `_id` still decides (a duplicate is "already
 * there"), and when two callers add the same `_id` to one group only the first is written, so only
 * it is told "new". Under concurrent requests one unordered insert serves many of them, and each
 * still answers after its own write. A failed write rejects every caller it carried.
 */
export class InsertNewGroup<D extends { _id: string }> {
  private pending: Array<{ documents: D[]; resolve: (ids: Set<string>) => void; reject: (error: unknown) => void }> =
    [];
  private writing: Promise<void> | null = null;

  /** `insertNew` bound to its model: returns the `_id`s it inserted. */
  constructor(private readonly insertNew: (documents: D[]) => Promise<Set<string>>) {}

  /** Resolves to the `_id`s among `documents` that this call inserted. */
  add(documents: D[]): Promise<Set<string>> {
    return new Promise<Set<string>>((resolve, reject) => {
      this.pending.push({ documents, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    // Let the callers of this tick join the first group.
    await Promise.resolve();
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      // The first caller to add an `_id` owns it in this group; a later one was not first.
      const owner = new Map<string, number>();
      const documents: D[] = [];
      group.forEach((entry, k) => {
        for (const document of entry.documents) {
          if (!owner.has(document._id)) {
            owner.set(document._id, k);
            documents.push(document);
          }
        }
      });
      try {
        const inserted = await this.insertNew(documents);
        group.forEach((entry, k) =>
          entry.resolve(
            new Set(entry.documents.map((d) => d._id).filter((id) => inserted.has(id) && owner.get(id) === k)),
          ),
        );
      } catch (error) {
        group.forEach((entry) => entry.reject(error));
      }
    }
    this.writing = null;
  }
}
