import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RosterImport } from './roster-import.schema';

/** The only code that touches roster_imports. */
@Injectable()
export class RosterImportRepository {
  constructor(@InjectModel(RosterImport.name) private readonly imports: Model<RosterImport>) {}

  async create(entry: RosterImport): Promise<void> {
    await this.imports.create(entry);
  }

  find(id: string): Promise<RosterImport | null> {
    return /^[a-f0-9]{32}$/.test(id) ? this.imports.findById(id).lean<RosterImport>() : Promise.resolve(null);
  }

  /** True for the one confirm that removed it (a double click confirms once). */
  async take(id: string): Promise<boolean> {
    return (await this.imports.deleteOne({ _id: id })).deletedCount === 1;
  }

  /** Removes the previews uploaded before `cutoff` (the expiry job); returns how many. */
  async removeUploadedBefore(cutoff: Date): Promise<number> {
    return (await this.imports.deleteMany({ uploadedAt: { $lt: cutoff } })).deletedCount;
  }
}
