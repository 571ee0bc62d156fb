import { GroupCommit } from './group-commit';

/**
 * `insertNew` shared among concurrent callers (a `GroupCommit`): each adds its documents and waits
 * until they are written; documents added while a write is under way go together in the next one.
 * Each caller learns which of ITS documents were new: a unique `_id` still decides (a duplicate is
 * "already there"), and when two callers add the same `_id` to one group only the first is written, so
 * only it is told "new". Under concurrent requests one unordered insert serves many of them, and each
 * still answers after its own write. A failed write rejects every caller it carried.
 */
export class InsertNewGroup<D extends { _id: string }> {
  private readonly commit: GroupCommit<D[], Set<string>>;

  /** `insertNew` bound to its model: returns the `_id`s it inserted. */
  constructor(insertNew: (documents: D[]) => Promise<Set<string>>) {
    this.commit = new GroupCommit(async (callers) => {
      // The first caller to add an `_id` owns it in this group; a later one was not first.
      const owner = new Map<string, number>();
      const documents: D[] = [];
      callers.forEach((own, k) => {
        for (const document of own) {
          if (!owner.has(document._id)) {
            owner.set(document._id, k);
            documents.push(document);
          }
        }
      });
      const inserted = await insertNew(documents);
      return callers.map(
        (own, k) => new Set(own.map((d) => d._id).filter((id) => inserted.has(id) && owner.get(id) === k)),
      );
    });
  }

  /** Resolves to the `_id`s among `documents` that this call inserted. */
  add(documents: D[]): Promise<Set<string>> {
    return this.commit.add(documents);
  }
}
