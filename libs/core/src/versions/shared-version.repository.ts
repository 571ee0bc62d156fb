import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertNew } from '../database/insert-new';
import { SharedVersion } from './shared-version.schema';
import { upsertRacing } from '../database/insert-once';

/** Every named version as one read gives it: name → value. */
export type VersionSnapshot = Readonly<Record<string, string>>;

/** The only code that touches `shared_versions` (see SharedVersion). */
@Injectable()
export class SharedVersionRepository {
  constructor(@InjectModel(SharedVersion.name) private readonly versions: Model<SharedVersion>) {}

  /** Every version in one read of the whole (tiny) collection: no index, no filter to push down. */
  async all(): Promise<VersionSnapshot> {
    const found = await this.versions.find().lean<SharedVersion[]>();
    return Object.fromEntries(found.map((version) => [version._id, version.value]));
  }

  /** Creates the named version if it is missing (an existing one is kept). */
  async ensure(name: string): Promise<void> {
    await insertNew(this.versions, [{ _id: name, value: newValue() }]);
  }

  /** Replaces the value with a fresh random one: everything kept under the old one is now stale. */
  async change(name: string): Promise<void> {
    const value = newValue();
    await upsertRacing(() => this.versions.updateOne({ _id: name }, { $set: { value } }, { upsert: true }));
  }
}

/** 128 random bits: a value no earlier change can have had. */
function newValue(): string {
  return randomBytes(16).toString('hex');
}
