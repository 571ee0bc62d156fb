import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, Model, Types } from 'mongoose';
import { Resource } from './resource.schema';

export type ResourceRecord = Resource & { _id: Types.ObjectId };
export type NewResource = Omit<Resource, 'createdAt' | 'updatedAt'>;

/** The only code that touches the resources collection. */
@Injectable()
export class ResourceRepository {
  constructor(@InjectModel(Resource.name) private readonly resources: Model<Resource>) {}

  async create(fields: NewResource): Promise<ResourceRecord> {
    const created = await this.resources.create(fields);
    return created.toObject() as ResourceRecord;
  }

  findById(id: string): Promise<ResourceRecord | null> {
    if (!isValidObjectId(id)) {
      return Promise.resolve(null);
    }
    return this.resources.findById(id).lean<ResourceRecord>();
  }

  /** The whole library, by category then title: a council's library is tens of documents. */
  listAll(): Promise<ResourceRecord[]> {
    return this.resources.find().sort({ category: 1, title: 1 }).limit(1000).lean<ResourceRecord[]>();
  }

  async update(id: string, fields: Pick<Resource, 'title' | 'summary' | 'category' | 'tiers'>): Promise<boolean> {
    if (!isValidObjectId(id)) {
      return false;
    }
    const result = await this.resources.updateOne({ _id: id }, { $set: fields });
    return result.matchedCount === 1;
  }

  /** Removes the record; returns it (its file id is needed to delete the bytes) or null. */
  async delete(id: string): Promise<ResourceRecord | null> {
    const found = await this.findById(id);
    if (!found) {
      return null;
    }
    const result = await this.resources.deleteOne({ _id: found._id });
    return result.deletedCount === 1 ? found : null;
  }
}
