import type { AnyObject, Model } from 'mongoose';
import { ConflictError, isDuplicateKeyError } from '../errors/domain-errors';

/**
 * Inserts one document through the model (casting, schema defaults) and returns it as stored; null
 * when a unique index already holds one like it. This is how "exactly once" is decided (a claim, a
 * decision, a first record): of several racing inserts exactly one wins, on FerretDB v1 as on MongoDB,
 * where racing guarded updates could all win (docs/storage.md). Any other failure is thrown.
 */
export async function insertOnce<T>(model: Model<T>, document: AnyObject): Promise<T | null> {
  let stored: T | null = null;
  const won = await wonUniqueWrite(
    new model(document).save().then((saved) => {
      stored = saved.toObject() as T;
    }),
  );
  return won ? stored : null;
}

/**
 * Runs an insert (or any write a unique index guards) and tells whether it won: false when a unique
 * index already held one like it. For writes without a model, such as a claim in a plain collection.
 * Any other failure is thrown.
 */
export async function wonUniqueWrite(write: PromiseLike<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      return false;
    }
    throw error;
  }
}

/**
 * Inserts one document and returns it as stored; when a unique index already holds one like it, throws
 * a ConflictError (409) with `message`, which says in the person's words what is taken.
 */
export async function insertOrConflict<T>(model: Model<T>, document: AnyObject, message: string): Promise<T> {
  const stored = await duplicateAsConflict(new model(document).save() as Promise<{ toObject(): unknown }>, message);
  return stored.toObject() as T;
}

/**
 * Runs a write (an insert or an update: FerretDB v1 reports an update that breaks a unique index in
 * its own words, which `isDuplicateKeyError` recognises) and turns a unique-index violation into a
 * ConflictError with `message`. Any other failure is thrown as it is.
 */
export async function duplicateAsConflict<R>(write: PromiseLike<R>, message: string): Promise<R> {
  try {
    return await write;
  } catch (error) {
    throw isDuplicateKeyError(error) ? new ConflictError(message) : error;
  }
}

/**
 * Runs an upsert (`updateOne`/`replaceOne` with `upsert: true`) that callers may run at once for a
 * document not there yet. Each such upsert finds nothing and inserts, and all but one fail with a
 * duplicate key (FerretDB v1 always; MongoDB retries only some): a first page view or a double-click
 * answered with a 500. The loser's write is lost only if dropped, so it is run once more, when it
 * finds the winner's document and updates it. A duplicate on the second try is a real conflict
 * (the filter missed a document the unique index holds) and is thrown.
 */
export async function upsertRacing<R>(upsert: () => PromiseLike<R>): Promise<R> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKeyError(error)) {
      throw error;
    }
    return upsert();
  }
}
