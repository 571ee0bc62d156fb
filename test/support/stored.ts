import type { Model } from 'mongoose';
import type { TestApp } from './create-test-app';

/**
 * A model the app registered, by its name (the schema class's name). Builders write through it when
 * no repository method makes the record a test needs, so the schema's defaults and validation still
 * apply and a renamed collection or field is one edit in the schema.
 */
export function modelOf<T>(t: TestApp, name: string): Model<T> {
  return t.connection.model<T>(name);
}

/**
 * Sets a record's stored times as if it had been written then. Mongoose keeps `createdAt` and
 * `updatedAt` for itself, so a test that needs times to tie or to lie in the past says so here.
 */
export async function restamp(
  t: TestApp,
  modelName: string,
  filter: Record<string, unknown>,
  times: { createdAt?: Date; updatedAt?: Date; receivedAt?: Date },
): Promise<void> {
  await modelOf(t, modelName).updateMany(filter, { $set: times }, { timestamps: false, overwriteImmutable: true });
}
