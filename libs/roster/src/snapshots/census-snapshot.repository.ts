import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CensusSnapshot } from './census-snapshot.schema';
import { upsertRacing } from '@roundtable/core';

/** The only code that touches census_snapshots. */
@Injectable()
export class CensusSnapshotRepository {
  constructor(@InjectModel(CensusSnapshot.name) private readonly snapshots: Model<CensusSnapshot>) {}

  find(id: string): Promise<CensusSnapshot | null> {
    return this.snapshots.findById(id).lean<CensusSnapshot>();
  }

  /** Replaces the snapshot (a recomputation from the same roster writes the same numbers). */
  async save(snapshot: CensusSnapshot): Promise<void> {
    await upsertRacing(() => this.snapshots.replaceOne({ _id: snapshot._id }, snapshot, { upsert: true }));
  }

  /** Dated snapshots are of the roster as it was: a roster change makes them stale. */
  async deleteDated(): Promise<void> {
    await this.snapshots.deleteMany({ _id: { $ne: 'current' } });
  }
}
