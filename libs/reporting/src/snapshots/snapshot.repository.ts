import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce, SharedVersions, upsertRacing } from '@roundtable/core';
import {
  PublishedSummary,
  RankingComputedState,
  RankingPublication,
  RankingSnapshot,
  type RankingState,
} from './ranking-snapshot.schema';

export type SnapshotRecord = RankingSnapshot;
export type StateRecord = RankingState;
export type PublicationRecord = RankingPublication;
export type NewSnapshot = Omit<RankingSnapshot, '_id' | 'version'>;

/** How many versions of a survey's result are kept besides the published one. */
const KEEP_VERSIONS = 20;

/**
 * The name of the result states version among core's shared versions: it changes after every write to
 * a survey's state (a new latest version, a publication, a withdrawal), so a process that keeps states
 * (the console's results page) reads them again on its next request, whichever process wrote.
 */
export const RESULT_STATES_VERSION = 'resultStates';

/** The only code that touches ranking_snapshots, ranking_states and ranking_publications. */
@Injectable()
export class SnapshotRepository implements OnModuleInit {
  constructor(
    @InjectModel(RankingSnapshot.name) private readonly snapshots: Model<RankingSnapshot>,
    @InjectModel(RankingComputedState.name) private readonly states: Model<RankingComputedState>,
    @InjectModel(RankingPublication.name) private readonly publications: Model<RankingPublication>,
    private readonly versions: SharedVersions,
  ) {}

  /** Makes sure the version exists, so states can be kept from the first request. */
  async onModuleInit(): Promise<void> {
    await this.versions.ensure(RESULT_STATES_VERSION);
    await this.moveOldPublications();
  }

  /**
   * Publications kept in the computed state before they had a collection of their own become
   * publication documents. A unique insert: one that exists (made by a later publish or withdrawal,
   * or by another process's start-up) is kept. Idempotent; the old fields are left, never read again.
   */
  private async moveOldPublications(): Promise<void> {
    const old = await this.states
      .find({ publishedVersion: { $ne: null } }, { publishedVersion: 1, publishedAt: 1, publishedSummary: 1 })
      .lean<RankingComputedState[]>();
    for (const state of old) {
      const { _id, publishedVersion = null, publishedAt = null, publishedSummary = null } = state;
      await insertOnce(this.publications, { _id, publishedVersion, publishedAt, publishedSummary });
    }
  }

  /** A survey's state: its computed state and its publication, two `_id` reads at once. */
  async findState(surveyId: string): Promise<StateRecord | null> {
    const [computed, publication] = await Promise.all([
      this.states.findById(surveyId, { latestVersion: 1, computedAt: 1 }).lean<RankingComputedState>(),
      this.publications.findById(surveyId).lean<RankingPublication>(),
    ]);
    if (!computed && !publication) {
      return null;
    }
    return {
      _id: surveyId,
      latestVersion: computed?.latestVersion ?? 0,
      computedAt: computed?.computedAt ?? null,
      publishedVersion: publication?.publishedVersion ?? null,
      publishedAt: publication?.publishedAt ?? null,
      publishedSummary: publication?.publishedSummary ?? null,
    };
  }

  findVersion(surveyId: string, version: number): Promise<SnapshotRecord | null> {
    return this.snapshots.findById(`${surveyId}:${version}`).lean<SnapshotRecord>();
  }

  /** The latest snapshot of a survey: two `_id` reads, no scan. */
  async findLatest(surveyId: string): Promise<SnapshotRecord | null> {
    const state = await this.findState(surveyId);
    return state && state.latestVersion > 0 ? this.findVersion(surveyId, state.latestVersion) : null;
  }

  async findPublished(surveyId: string): Promise<SnapshotRecord | null> {
    const state = await this.findState(surveyId);
    return state?.publishedVersion ? this.findVersion(surveyId, state.publishedVersion) : null;
  }

  /**
   * Stores the next version. The version is decided by inserting `<surveyId>:<n>`: when another
   * worker took n first, this one tries n + 1 (FerretDB v1 lets racing guarded updates all win, a
   * unique insert has one winner). Then the state names it as the latest, and old versions go.
   */
  async insertNext(snapshot: NewSnapshot): Promise<number> {
    const { surveyId } = snapshot;
    let version = ((await this.findState(surveyId))?.latestVersion ?? 0) + 1;
    while (!(await insertOnce(this.snapshots, { ...snapshot, _id: `${surveyId}:${version}`, version }))) {
      version++;
    }
    await upsertRacing(() =>
      this.states.updateOne(
        { _id: surveyId },
        { $max: { latestVersion: version, computedAt: snapshot.computedAt } },
        { upsert: true },
      ),
    );
    await this.versions.changed(RESULT_STATES_VERSION);
    const state = await this.findState(surveyId);
    // Scans only this small collection (a few dozen snapshots per survey at most).
    await this.snapshots.deleteMany({
      surveyId,
      version: { $lte: version - KEEP_VERSIONS, $ne: state?.publishedVersion ?? -1 },
    });
    return version;
  }

  async publish(surveyId: string, version: number, summary: PublishedSummary, at = new Date()): Promise<void> {
    await this.setPublication(surveyId, { publishedVersion: version, publishedAt: at, publishedSummary: summary });
  }

  async unpublish(surveyId: string): Promise<void> {
    await this.setPublication(surveyId, { publishedVersion: null, publishedAt: null, publishedSummary: null });
  }

  private async setPublication(surveyId: string, publication: Omit<RankingPublication, '_id'>): Promise<void> {
    await upsertRacing(() => this.publications.updateOne({ _id: surveyId }, { $set: publication }, { upsert: true }));
    await this.versions.changed(RESULT_STATES_VERSION);
  }

  /** The newest published reports (the home page block, the portal); served by { publishedAt }. */
  listPublished(limit: number): Promise<PublicationRecord[]> {
    return this.publications
      .find({ publishedAt: { $ne: null } })
      .sort({ publishedAt: -1 })
      .limit(limit)
      .lean<PublicationRecord[]>();
  }
}
