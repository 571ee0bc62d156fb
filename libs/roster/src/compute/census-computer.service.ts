import { Injectable, Logger } from '@nestjs/common';
import { computeCensusWithCurve, todayIso } from '@roundtable/census';
import { PageCache } from '@roundtable/core';
import { ReferenceListRepository } from '../reference/reference-list.repository';
import { CURRENT_SNAPSHOT, datedSnapshotId, type CensusSnapshot } from '../snapshots/census-snapshot.schema';
import { CensusSnapshotRepository } from '../snapshots/census-snapshot.repository';
import { TenureRepository, type TenureRecord } from '../tenures/tenure.repository';
import { rosterDocument } from './roster-document';

/**
 * Computes the census from the whole roster (read once, in `_id` pages) with the same code as
 * `npm run census`, and stores it as a snapshot pages read. Today's census replaces `current` and
 * drops the dated ones (they described the roster before the change); a dated one is kept by date.
 */
@Injectable()
export class CensusComputer {
  private readonly logger = new Logger(CensusComputer.name);

  constructor(
    private readonly tenures: TenureRepository,
    private readonly lists: ReferenceListRepository,
    private readonly snapshots: CensusSnapshotRepository,
    private readonly pageCache: PageCache,
  ) {}

  /** A census after a roster change (today's, or on `asOf`): today's replaces the dated ones, now stale. */
  compute(asOf?: string, now = new Date()): Promise<CensusSnapshot> {
    return this.write(asOf, now, !asOf);
  }

  /** Today's census on an unchanged roster (the new day's): the dated ones still describe it and stay. */
  computeToday(now = new Date()): Promise<CensusSnapshot> {
    return this.write(undefined, now, false);
  }

  private async write(asOf: string | undefined, now: Date, dropDated: boolean): Promise<CensusSnapshot> {
    const began = Date.now();
    const tenures: TenureRecord[] = [];
    for await (const page of this.tenures.streamAll()) {
      tenures.push(...page);
    }
    const { doc, unmatched } = rosterDocument(tenures, await this.lists.all(), asOf ?? todayIso(now));
    const { result, curve } = computeCensusWithCurve(doc);
    const snapshot: CensusSnapshot = {
      _id: asOf ? datedSnapshotId(asOf) : CURRENT_SNAPSHOT,
      asOf: result.as_of,
      computedAt: now,
      result,
      curve,
      unmatched,
      computeMs: Date.now() - began,
    };
    if (dropDated) {
      await this.snapshots.deleteDated();
    }
    await this.snapshots.save(snapshot);
    await this.pageCache.invalidate();
    this.logger.log(`Census on ${result.as_of}: ${tenures.length} tenures in ${snapshot.computeMs} ms`);
    return snapshot;
  }
}
