import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AdminHomeSnapshot } from './admin-home.schema';
import { upsertRacing } from '@roundtable/core';

const HOME = 'home';
export type AdminHomeFigures = Omit<AdminHomeSnapshot, '_id'>;

/** The only code that touches admin_snapshots (read and written by `_id`; no other index needed). */
@Injectable()
export class AdminHomeRepository {
  constructor(@InjectModel(AdminHomeSnapshot.name) private readonly snapshots: Model<AdminHomeSnapshot>) {}

  async save(figures: AdminHomeFigures): Promise<void> {
    await upsertRacing(() => this.snapshots.updateOne({ _id: HOME }, { $set: figures }, { upsert: true }));
  }

  findCurrent(): Promise<AdminHomeSnapshot | null> {
    return this.snapshots.findById(HOME).lean<AdminHomeSnapshot>();
  }
}
