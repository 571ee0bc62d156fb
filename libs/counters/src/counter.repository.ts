import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CounterShard } from './counter.schema';

/** The only code that touches the counters collection. */
@Injectable()
export class CounterRepository {
  constructor(@InjectModel(CounterShard.name) private readonly shards: Model<CounterShard>) {}

  /** Adds to this process's shard (created on its first write). */
  async add(group: string, figure: string, process: string, delta: number): Promise<void> {
    await this.shards.updateOne(
      { _id: `${group}|${figure}|${process}` },
      { $inc: { value: delta }, $setOnInsert: { group, figure, process } },
      { upsert: true },
    );
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
