import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  duplicateAsConflict,
  insertOrConflict,
  NotFoundError,
  parseObjectId,
  type KeysetPlan,
  objectIdKeyset,
} from '@roundtable/core';
import { Tenure } from './tenure.schema';

export type TenureRecord = Tenure & { _id: Types.ObjectId };
/** What a form or an import row sets; `externalId` is the tenure's own id when not given. */
export type TenureFields = Omit<Tenure, 'externalId' | 'updatedAt'> & { externalId?: string };

export interface TenureFilter {
  companyKey?: string;
  status?: 'current' | 'ended';
}

const BATCH = 1000;
const TENURE_TAKEN = 'Another tenure already has that id, or the same person, company and start date.';

/** The only code that touches roster_tenures. */
@Injectable()
export class TenureRepository {
  constructor(@InjectModel(Tenure.name) private readonly tenures: Model<Tenure>) {}

  findById(id: string): Promise<TenureRecord | null> {
    const _id = parseObjectId(id);
    return _id ? this.tenures.findById(_id).lean<TenureRecord>() : Promise.resolve(null);
  }

  async getByIdOrFail(id: string): Promise<TenureRecord> {
    const tenure = await this.findById(id);
    if (!tenure) {
      throw new NotFoundError('There is no such tenure on the roster.');
    }
    return tenure;
  }

  /** Adds a tenure; a stable id or a person + company + start already on the roster is a conflict. */
  async create(fields: TenureFields, now = new Date()): Promise<TenureRecord> {
    const _id = new Types.ObjectId();
    const tenure = { ...fields, _id, externalId: fields.externalId || _id.toHexString(), updatedAt: now };
    return (await insertOrConflict(this.tenures, tenure, TENURE_TAKEN)) as TenureRecord;
  }

  async update(id: string | Types.ObjectId, fields: Partial<TenureFields>, now = new Date()): Promise<void> {
    const _id = typeof id === 'string' ? parseObjectId(id) : id;
    if (_id === null) {
      throw new NotFoundError('There is no such tenure on the roster.');
    }
    await duplicateAsConflict(this.tenures.updateOne({ _id }, { $set: { ...fields, updatedAt: now } }), TENURE_TAKEN);
  }

  async delete(id: Types.ObjectId): Promise<boolean> {
    return (await this.tenures.deleteOne({ _id: id })).deletedCount === 1;
  }

  /** One page of the roster list: newest start first, filtered by company and current/ended. */
  listPage(filter: TenureFilter, keyset: KeysetPlan): Promise<TenureRecord[]> {
    const plan = objectIdKeyset(keyset);
    const query: Record<string, unknown> = {};
    if (filter.companyKey) {
      query.companyKey = filter.companyKey;
    }
    if (filter.status) {
      query.end = filter.status === 'current' ? null : { $ne: null };
    }
    return this.tenures
      .find(plan.range ? { $and: [query, plan.range] } : query)
      .sort(plan.sort)
      .limit(plan.limit)
      .lean<TenureRecord[]>();
  }

  /** Whether the roster holds any tenure (one indexed read). */
  async hasAny(): Promise<boolean> {
    return (await this.tenures.findOne().select({ _id: 1 }).lean()) !== null;
  }

  /** A member's tenures (a profile change proposes a change to the open one). */
  findByMember(memberId: string): Promise<TenureRecord[]> {
    return this.tenures.find({ memberId }).lean<TenureRecord[]>();
  }

  /** A person's open tenures by their name's key (a member's profile change finds an unlinked one). */
  findOpenByPerson(personKey: string): Promise<TenureRecord[]> {
    return this.tenures.find({ personKey, end: null }).lean<TenureRecord[]>();
  }

  /**
   * Every tenure in batches of a thousand, from one cursor in `_id` order: one scan of the collection
   * (paging by an `_id` range would rescan it per page on FerretDB). The census computation and an
   * import's preview read the whole roster once, in the worker or on staff's explicit action.
   */
  async *streamAll(): AsyncGenerator<TenureRecord[]> {
    let batch: TenureRecord[] = [];
    for await (const tenure of this.tenures.find().sort({ _id: 1 }).lean<TenureRecord>().cursor({ batchSize: 2000 })) {
      batch.push(tenure as TenureRecord);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) {
      yield batch;
    }
  }

  /** Inserts many new tenures in batches (an import's confirm); their ids are set by the caller. */
  async insertMany(rows: Array<TenureFields & { _id: string; externalId: string }>, now = new Date()) {
    for (let k = 0; k < rows.length; k += BATCH) {
      const batch = rows.slice(k, k + BATCH).map((row) => ({ ...row, updatedAt: now }));
      await duplicateAsConflict(this.tenures.insertMany(batch, { ordered: true }), TENURE_TAKEN);
    }
  }

  /** Empties the roster (the demo seed's re-run). */
  async deleteAll(): Promise<void> {
    await this.tenures.deleteMany({});
  }
}
