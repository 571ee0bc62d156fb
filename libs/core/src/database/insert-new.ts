import type { Model } from 'mongoose';
import { isDuplicateKeyError } from '../errors/domain-errors';

/** A bulk insert's failure as the driver reports it: one write error per document refused. */
interface BulkWriteFailure {
  writeErrors?: Array<{ index: number; code?: number; errmsg?: string }> | { index: number; code?: number };
}

/**
 * Inserts many documents in one round trip (unordered: a refused document does not stop the others)
 * and returns the `_id`s of those this call inserted. A document whose `_id` exists already is
 * skipped, as a unique `insertOne` would report "already there": this is the batch form of deciding
 * "exactly once" by unique insert (FerretDB v1 and MongoDB alike). Any other failure is thrown.
 *
 * The documents go through the model (casting and schema defaults) and then straight to the driver,
 * so 250 documents cost one insert (~20 ms on FerretDB/PostgreSQL) instead of 250 (~600 ms).
 */
export async function insertNew<T>(
  model: Model<T>,
  documents: Array<Partial<T> & { _id: string }>,
): Promise<Set<string>> {
  return insertNewAsGiven(
    model,
    documents.map((document) => new model(document).toObject({ depopulate: true }) as T & { _id: string }),
  );
}

/**
 * `insertNew` for documents that already carry every field of their schema, each of its type (the
 * caller writes the defaults itself): they go to the driver as they are. Building a mongoose document
 * per document to cast and default it, then copying it back, was a measurable share of a worker's CPU
 * per email (docs/performance.md).
 */
export async function insertNewAsGiven<T>(
  model: Model<T>,
  documents: Array<T & { _id: string }>,
): Promise<Set<string>> {
  if (documents.length === 0) {
    return new Set();
  }
  const ids = documents.map((document) => document._id);
  try {
    await model.collection.insertMany(documents as never[], { ordered: false });
    return new Set(ids);
  } catch (error) {
    const reported = (error as BulkWriteFailure).writeErrors;
    const refused = reported === undefined ? [] : Array.isArray(reported) ? reported : [reported];
    const duplicates = refused.filter((entry) =>
      isDuplicateKeyError({ code: entry.code, message: (entry as { errmsg?: string }).errmsg }),
    );
    if (refused.length === 0 || duplicates.length !== refused.length) {
      throw error;
    }
    const skipped = new Set(duplicates.map((entry) => entry.index));
    return new Set(ids.filter((_, index) => !skipped.has(index)));
  }
}
