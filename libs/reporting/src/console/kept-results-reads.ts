import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { requestVersions } from '@roundtable/auth';
import { SharedVersions, type VersionSnapshot } from '@roundtable/core';
import { SKEW_ROUNDS_VERSION, SkewRoundRepository, type SkewRoundRecord } from '@roundtable/distribution';
import { SURVEYS_VERSION, SurveyRepository, type SurveyRecord } from '@roundtable/surveys';
import { RESULT_STATES_VERSION, SnapshotRepository, type StateRecord } from '../snapshots/snapshot.repository';

/** What the results page reads of a survey besides its snapshot. */
export interface ResultsReads {
  survey: SurveyRecord | null;
  state: StateRecord | null;
  skewRounds: SkewRoundRecord[];
}

/** The versions a kept entry stands for, in one string (a name with no version yet keeps nothing). */
function versionKey(versions: VersionSnapshot): string | null {
  const names = [SURVEYS_VERSION, RESULT_STATES_VERSION, SKEW_ROUNDS_VERSION];
  return names.every((name) => versions[name] !== undefined) ? names.map((name) => versions[name]).join('|') : null;
}

/** Surveys whose reads a process keeps (staff look at a few at a time). */
const SURVEYS_KEPT = 64;

/**
 * The survey, its result state and its skew rounds that staff's results page reads, kept per process
 * while the surveys, result states and skew rounds versions (core's shared versions, which every write
 * through those repositories changes) are the ones they were read under. The versions come from the
 * request's own read at its start (the session middleware's, shared with concurrent requests), so a
 * kept page costs no database command of its own, and a write completed in any process before a request
 * arrived is seen by it: a new result, a publication or a recorded round shows on the next reload.
 */
@Injectable()
export class KeptResultsReads {
  private readonly kept = new LRUCache<string, { versions: string; reads: ResultsReads }>({ max: SURVEYS_KEPT });

  constructor(
    private readonly versions: SharedVersions,
    private readonly surveys: SurveyRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly skewRounds: SkewRoundRepository,
  ) {}

  async read(surveyId: string): Promise<ResultsReads> {
    const versions = versionKey(requestVersions.getStore() ?? (await this.versions.snapshot()));
    const kept = this.kept.get(surveyId);
    if (kept && versions !== null && kept.versions === versions) {
      return kept.reads;
    }
    // Read after the versions were, so the reads hold every write those versions stand for.
    const [survey, state, skewRounds] = await Promise.all([
      this.surveys.findById(surveyId),
      this.snapshots.findState(surveyId),
      this.skewRounds.listBySurvey(surveyId),
    ]);
    const reads = { survey, state, skewRounds };
    if (versions !== null) {
      this.kept.set(surveyId, { versions, reads });
    }
    return reads;
  }
}
