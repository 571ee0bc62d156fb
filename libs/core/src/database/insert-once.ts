import type { AnyObject, Model } from 'mongoose';
import { ConflictError, isDuplicateKeyError } from '../errors/domain-errors';

/**
 * Inserts one document through the model (casting, schema defaults) and returns it as stored; null
 * when a unique index already holds one like it. This is how "exactly once" is decided (a claim, a
 * decision, a first record): of several racing inserts exactly one wins, on FerretDB v1 as on MongoDB,
 * where racing guarded updates could all win (docs/storage.md). Any other failure is thrown.
 */
export async function insertOnce<T>(model: Model<T>, document: AnyObject): Promise<T | null> {
  try {
    return (await new model(document).save()).toObject() as T;
  } catch (error) {
    if (isDuplicateKeyError(error)) {
      return null;
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
