import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { wonUniqueWrite } from '@roundtable/core';
import type { Connection } from 'mongoose';
import type { DownloadCountRow } from './download-stats';

/** Where downloads were counted before they moved to `ShardedCounters` (one document per process). */
export const LEGACY_COLLECTION = 'resource_download_counts';
/** One document per one-off change of the library's data, `_id` naming it: inserting it claims the change. */
const CHANGES_COLLECTION = 'resource_data_changes';

/** The only code that touches the old download counters: read them once, then drop them. */
@Injectable()
export class LegacyDownloadCountRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** Every old counter (resources × tiers × processes: hundreds of small documents at most). */
  async listAll(): Promise<DownloadCountRow[]> {
    const rows = await this.connection
      .collection(LEGACY_COLLECTION)
      .find({}, { projection: { _id: 0, resourceId: 1, tier: 1, count: 1 } })
      .limit(100_000)
      .toArray()
      .catch((error: unknown) => {
        // FerretDB on PostgreSQL fails a find that meets a concurrent drop ("relation … does not
        // exist"): another process has the old counters, so there is nothing left to read here.
        if (/does not exist|NamespaceNotFound/.test(String((error as Error).message))) {
          return [];
        }
        throw error;
      });
    return rows.map((row) => ({
      resourceId: String(row.resourceId),
      tier: String(row.tier),
      count: Number(row.count),
    }));
  }

  /**
   * Claims the fold: true for the one caller whose insert names it. FerretDB answers every one of
   * several concurrent drops of a collection as a success, so the drop cannot decide; a unique
   * insert does.
   */
  async claimFold(): Promise<boolean> {
    return wonUniqueWrite(
      this.connection
        .collection<{ _id: string; at: Date }>(CHANGES_COLLECTION)
        .insertOne({ _id: 'legacy-download-counts-folded', at: new Date() }),
    );
  }

  async drop(): Promise<void> {
    try {
      await this.connection.db!.dropCollection(LEGACY_COLLECTION);
    } catch (error) {
      if (
        !/NamespaceNotFound|ns not found|does not exist/.test(
          `${(error as { codeName?: string }).codeName} ${(error as Error).message}`,
        )
      ) {
        throw error;
      }
    }
  }
}
