import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { parseObjectId, upsertRacing } from '@roundtable/core';
import { ReferenceList } from './reference-list.schema';

export type ReferenceListRecord = ReferenceList & { _id: Types.ObjectId };

/** The only code that touches roster_reference_lists. */
@Injectable()
export class ReferenceListRepository {
  constructor(@InjectModel(ReferenceList.name) private readonly lists: Model<ReferenceList>) {}

  /** Every list, oldest date first (a handful of documents). */
  all(): Promise<ReferenceListRecord[]> {
    return this.lists.find().sort({ date: 1, name: 1 }).lean<ReferenceListRecord[]>();
  }

  /** Stores a list under its name, replacing an earlier upload of the same name. */
  async save(list: ReferenceList): Promise<void> {
    await upsertRacing(() => this.lists.updateOne({ name: list.name }, { $set: list }, { upsert: true }));
  }

  async delete(id: string): Promise<boolean> {
    const _id = parseObjectId(id);
    return _id !== null && (await this.lists.deleteOne({ _id })).deletedCount === 1;
  }

  async deleteAll(): Promise<void> {
    await this.lists.deleteMany({});
  }
}
