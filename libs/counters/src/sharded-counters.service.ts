import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { CounterRepository } from './counter.repository';
import { corrections, RECONCILE_PROCESS, sumShards } from './sum-shards';

/**
 * Live figures (sent, opened, completed…) that any number of processes bump at once. Each process
 * adds to its own shard per figure and writes one at a time (pending additions are merged while a
 * write is under way, and a write carries all of them in one command), so no two writes ever race on
 * one document; readers sum the shards. A process that dies with additions unwritten leaves a figure
 * short: the owner's reconcile job recounts from the source of truth and `reconcile` stores the
 * difference.
 */
@Injectable()
export class ShardedCounters {
  readonly process = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly pending = new Map<string, { group: string; figure: string; delta: number }>();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly counters: CounterRepository) {}

  /** Adds to figures of a group; resolves once written. */
  add(group: string, deltas: Record<string, number>): Promise<void> {
    for (const [figure, delta] of Object.entries(deltas)) {
      if (delta === 0) {
        continue;
      }
      const key = `${group}|${figure}`;
      const entry = this.pending.get(key) ?? { group, figure, delta: 0 };
      entry.delta += delta;
      this.pending.set(key, entry);
    }
    this.writing = this.writing.then(() => this.flush());
    return this.writing;
  }

  /** Every figure of a group, summed over the processes' shards (one query on a small collection). */
  async read(group: string): Promise<Record<string, number>> {
    return sumShards(await this.counters.listGroup(group));
  }

  /** Makes the group's figures equal a recount from the source of truth. */
  async reconcile(group: string, recount: Record<string, number>): Promise<void> {
    await this.writing;
    const fixed = corrections(await this.counters.listGroup(group), recount);
    for (const [figure, value] of Object.entries(fixed)) {
      await this.counters.set(group, figure, RECONCILE_PROCESS, value);
    }
  }

  /** Writes every pending addition in one command; what was not written waits for the next write. */
  private async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending.clear();
    let written = 0;
    try {
      written = await this.counters.addAll(this.process, batch);
    } catch {
      // The database is away: keep the additions for the next write rather than lose them.
    }
    for (const entry of batch.slice(written)) {
      const key = `${entry.group}|${entry.figure}`;
      const again = this.pending.get(key) ?? { ...entry, delta: 0 };
      again.delta += entry.delta;
      this.pending.set(key, again);
    }
  }
}
