import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce, SharedVersions } from '@roundtable/core';
import { PublishedSummary, RankingSnapshot, RankingState } from './ranking-snapshot.schema';

export type SnapshotRecord = RankingSnapshot;
export type StateRecord = RankingState;
export type NewSnapshot = Omit<RankingSnapshot, '_id' | 'version'>;

/** How many versions of a survey's result are kept besides the published one. */
const KEEP_VERSIONS = 20;

/**
 * The name of the result states version among core's shared versions: it changes after every write to
 * a survey's state (a new latest version, a publication, a withdrawal), so a process that keeps states
 * (the console's results page) reads them again on its next request, whichever process wrote.
 */
export const RESULT_STATES_VERSION = 'resultStates';

/** The only code that touches ranking_snapshots and ranking_states. */
@Injectable()
export class SnapshotRepository implements OnModuleInit {
  constructor(
    @InjectModel(RankingSnapshot.name) private readonly snapshots: Model<RankingSnapshot>,
    @InjectModel(RankingState.name) private readonly states: Model<RankingState>,
    private readonly versions: SharedVersions,
  ) {}

  /** Makes sure the version exists, so states can be kept from the first request. */
  async onModuleInit(): Promise<void> {
    await this.versions.ensure(RESULT_STATES_VERSION);
  }

  findState(surveyId: string): Promise<StateRecord | null> {
    return this.states.findById(surveyId).lean<StateRecord>();
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
    await this.states.updateOne(
      { _id: surveyId },
      { $max: { latestVersion: version, computedAt: snapshot.computedAt } },
      { upsert: true },
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
    await this.states.updateOne(
      { _id: surveyId },
      { $set: { publishedVersion: version, publishedAt: at, publishedSummary: summary } },
      { upsert: true },
    );
    await this.versions.changed(RESULT_STATES_VERSION);
  }

  async unpublish(surveyId: string): Promise<void> {
    await this.states.updateOne(
      { _id: surveyId },
      { $set: { publishedVersion: null, publishedAt: null, publishedSummary: null } },
    );
    await this.versions.changed(RESULT_STATES_VERSION);
  }

  /** The newest published reports (the home page block, the portal); served by { publishedAt }. */
  listPublished(limit: number): Promise<StateRecord[]> {
    return this.states
      .find({ publishedAt: { $ne: null } })
      .sort({ publishedAt: -1 })
      .limit(limit)
      .lean<StateRecord[]>();
  }
}
