import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ResourceDownloadCount } from '../library/resource.schema';

export interface DownloadCountRow {
  resourceId: string;
  tier: string;
  count: number;
}

/** The only code that touches the download counter documents. */
@Injectable()
export class DownloadCountRepository {
  constructor(@InjectModel(ResourceDownloadCount.name) private readonly counts: Model<ResourceDownloadCount>) {}

  /** Adds to this process's own counter; the caller makes sure one process writes one at a time. */
  async add(resourceId: string, tier: string, process: string, by: number): Promise<void> {
    await this.counts.updateOne(
      { _id: `${resourceId}:${tier}:${process}` },
      { $inc: { count: by }, $setOnInsert: { resourceId, tier, process } },
      { upsert: true },
    );
  }

  /** Every counter (resources × tiers × processes: hundreds of small documents at most). */
  listAll(): Promise<DownloadCountRow[]> {
    return this.counts.find({}, { _id: 0, resourceId: 1, tier: 1, count: 1 }).limit(100_000).lean<DownloadCountRow[]>();
  }

  async deleteForResource(resourceId: string): Promise<void> {
    await this.counts.deleteMany({ resourceId });
  }
}
