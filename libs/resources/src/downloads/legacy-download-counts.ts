import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { DOWNLOADS_GROUP, downloadFigure, type DownloadCountRow } from './download-stats';
import { LEGACY_COLLECTION, LegacyDownloadCountRepository } from './legacy-download-count.repository';

/** The old counters' sums as the figures of the `resource-downloads` group. Pure. */
export function legacyFigures(rows: DownloadCountRow[]): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const row of rows) {
    const figure = downloadFigure(row.resourceId, row.tier);
    figures[figure] = (figures[figure] ?? 0) + (Number.isFinite(row.count) ? row.count : 0);
  }
  return figures;
}

/**
 * Carries the downloads counted before `ShardedCounters` into it when the API starts, so staff see
 * the same figures: the old counters are read, the process whose insert claims the fold adds their
 * sums (two API processes starting at once fold them once), then the old counters are dropped.
 */
@Injectable()
export class LegacyDownloadCounts implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyDownloadCounts.name);

  constructor(
    private readonly legacy: LegacyDownloadCountRepository,
    private readonly counters: ShardedCounters,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.fold();
    } catch (error) {
      // The old counters stay where they are; the next start tries again.
      this.logger.warn(`Old download counts not carried over yet: ${(error as Error).message}`);
    }
  }

  /** Folds the old counters in; the number of downloads carried over (0 when there were none). */
  async fold(): Promise<number> {
    const rows = await this.legacy.listAll();
    if (rows.length === 0 || !(await this.legacy.claimFold())) {
      return 0;
    }
    const figures = legacyFigures(rows);
    await this.counters.add(DOWNLOADS_GROUP, figures);
    await this.legacy.drop();
    const total = Object.values(figures).reduce((sum, count) => sum + count, 0);
    this.logger.log(`Carried ${total} downloads over from ${LEGACY_COLLECTION} into the shared counters`);
    return total;
  }
}
