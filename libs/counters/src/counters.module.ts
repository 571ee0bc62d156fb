import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CounterRepository } from './counter.repository';
import { CounterShard, CounterShardSchema } from './counter.schema';
import { ShardedCounters } from './sharded-counters.service';
import { WaitingItem, WaitingItemSchema } from './waiting-item.schema';
import { WaitingWorkRepository } from './waiting-work.repository';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CounterShard.name, schema: CounterShardSchema },
      { name: WaitingItem.name, schema: WaitingItemSchema },
    ]),
  ],
  providers: [CounterRepository, ShardedCounters, WaitingWorkRepository],
  exports: [ShardedCounters, WaitingWorkRepository],
})
export class CountersModule {}
