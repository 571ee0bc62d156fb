/** @roundtable/counters: live figures as per-process counter shards that readers sum. */
export { CountersModule } from './counters.module';
export { ShardedCounters } from './sharded-counters.service';
export { sumShards, corrections, RECONCILE_PROCESS, type ShardValue } from './sum-shards';
export { WaitingWorkRepository, type WaitingKind } from './waiting-work.repository';
