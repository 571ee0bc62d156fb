import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { computeRanking } from '@roundtable/rankings';
import { SnapshotRepository } from '../snapshots/snapshot.repository';
import type { SnapshotTrigger } from '../snapshots/ranking-snapshot.schema';
import { SurveyExchangeReader } from './survey-exchange.service';
import { TIER_ATTRIBUTE } from './survey-exchange';

export interface ComputeOutcome {
  version: number;
  /** True when the inputs were those of the latest snapshot, so nothing new was stored. */
  unchanged: boolean;
}

/**
 * Computes a survey's whole result in the worker and stores it as the next snapshot. Everything is
 * computed in code from the streamed rows (libs/rankings), never by database aggregation: the
 * numbers are the same on MongoDB and FerretDB.
 */
@Injectable()
export class RankingComputer {
  private readonly logger = new Logger(RankingComputer.name);

  constructor(
    private readonly reader: SurveyExchangeReader,
    private readonly snapshots: SnapshotRepository,
  ) {}

  async compute(surveyId: string, trigger: SnapshotTrigger, now = new Date()): Promise<ComputeOutcome> {
    const survey = await this.reader.getSurveyOrFail(surveyId);
    const exchange = await this.reader.read(survey);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([exchange.doc.items, exchange.doc.responses, exchange.doc.invited, exchange.doc.options]))
      .update(JSON.stringify(exchange.counts))
      .digest('hex');
    const final = survey.status === 'closed';
    const latest = await this.snapshots.findLatest(surveyId);
    // New completions that changed nothing (a re-submit of the same answers) need no new version;
    // the close still writes one, marked final.
    if (latest && latest.fingerprint === fingerprint && (latest.final || !final)) {
      return { version: latest.version, unchanged: true };
    }
    const started = performance.now();
    const result = computeRanking(exchange.doc, exchange.counts);
    const computeMs = Math.round(performance.now() - started);
    const version = await this.snapshots.insertNext({
      surveyId,
      computedAt: now,
      trigger,
      final,
      fingerprint,
      result,
      counts: exchange.counts,
      progress: exchange.progress,
      attributes: [...survey.profileQuestions, TIER_ATTRIBUTE],
      computeMs,
    });
    if (exchange.unknownKeys > 0) {
      this.logger.warn(`Survey ${surveyId}: ${exchange.unknownKeys} held item(s) are not items of the survey`);
    }
    this.logger.log(
      `Survey ${surveyId}: snapshot ${version} (${trigger}), ${result.respondents} respondents in ${computeMs} ms`,
    );
    return { version, unchanged: false };
  }
}
