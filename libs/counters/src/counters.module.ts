import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CounterRepository } from './counter.repository';
import { CounterShard, CounterShardSchema } from './counter.schema';
import { ShardedCounters } from './sharded-counters.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: CounterShard.name, schema: CounterShardSchema }])],
  providers: [CounterRepository, ShardedCounters],
  exports: [ShardedCounters],
})
export class CountersModule {}
