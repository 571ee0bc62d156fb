import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import { CounterShard } from './counter.schema';

/** The only code that touches the counters collection. */
@Injectable()
export class CounterRepository {
  constructor(@InjectModel(CounterShard.name) private readonly shards: Model<CounterShard>) {}

  /**
   * Adds to several of this process's shards in one command (a bulk of upserts, in order). Resolves
   * to how many of the additions, from the front, were written: all of them, or those before the
   * first that failed (the rest are the caller's to retry; a failure that says nothing, such as a lost
   * connection, is thrown).
   */
  async addAll(
    process: string,
    additions: ReadonlyArray<{ group: string; figure: string; delta: number }>,
  ): Promise<number> {
    if (additions.length === 0) {
      return 0;
    }
    try {
      await this.shards.bulkWrite(
        additions.map(({ group, figure, delta }) => ({
          updateOne: {
            filter: { _id: `${group}|${figure}|${process}` },
            update: { $inc: { value: delta }, $setOnInsert: { group, figure, process } },
            upsert: true,
          },
        })),
        { ordered: true },
      );
      return additions.length;
    } catch (error) {
      const failedAt = firstFailedIndex(error);
      if (failedAt === null) {
        throw error;
      }
      return failedAt;
    }
  }

  /** Sets a shard outright (the reconcile shard's correction). */
  async set(group: string, figure: string, process: string, value: number): Promise<void> {
    await this.shards.updateOne(
      { _id: `${group}|${figure}|${process}` },
      { $set: { value, group, figure, process } },
      { upsert: true },
    );
  }

  listGroup(group: string): Promise<CounterShard[]> {
    return this.shards.find({ group }).lean<CounterShard[]>();
  }
}

/** The index of the first statement an ordered bulk write refused (those before it were written); null when unknown. */
function firstFailedIndex(error: unknown): number | null {
  if (!(error instanceof mongo.MongoBulkWriteError)) {
    return null;
  }
  const indexes = [error.writeErrors].flat().map((writeError) => writeError.index);
  return indexes.length > 0 ? Math.min(...indexes) : null;
}
