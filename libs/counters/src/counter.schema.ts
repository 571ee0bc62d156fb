import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One process's share of one live figure. `_id` is `<group>|<figure>|<process>`: only that process
 * writes it, one write at a time, so `$inc` is safe even on FerretDB v1 (where concurrent `$inc`s on
 * one document lose updates). Readers sum a group's shards. The shard of process `reconcile` holds
 * the correction a recount found.
 */
@Schema({ collection: 'counters', versionKey: false })
export class CounterShard {
  @Prop({ type: String }) _id: string;
  /** What the figures belong to, e.g. `survey:<id>`: a page reads one group in one query. */
  @Prop({ required: true }) group: string;
  @Prop({ required: true }) figure: string;
  @Prop({ required: true }) process: string;
  @Prop({ required: true, default: 0 }) value: number;
}
export const CounterShardSchema = SchemaFactory.createForClass(CounterShard);

// read(group): every shard of a group's figures (a small collection: figures × processes).
CounterShardSchema.index({ group: 1 });
