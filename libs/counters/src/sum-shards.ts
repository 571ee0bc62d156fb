/** A shard as summed: which figure, which process wrote it, its value. */
export interface ShardValue {
  figure: string;
  process: string;
  value: number;
}

export const RECONCILE_PROCESS = 'reconcile';

/** Sums each figure over its shards. Pure, tested alone. */
export function sumShards(shards: ShardValue[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const shard of shards) {
    totals[shard.figure] = (totals[shard.figure] ?? 0) + shard.value;
  }
  return totals;
}

/**
 * The reconcile shard's new value per figure, so that the sum of every shard equals the recount:
 * the recount minus what the other processes' shards hold. Figures the recount does not name are
 * left alone.
 */
export function corrections(shards: ShardValue[], recount: Record<string, number>): Record<string, number> {
  const others = sumShards(shards.filter((shard) => shard.process !== RECONCILE_PROCESS));
  const result: Record<string, number> = {};
  for (const [figure, truth] of Object.entries(recount)) {
    result[figure] = truth - (others[figure] ?? 0);
  }
  return result;
}
