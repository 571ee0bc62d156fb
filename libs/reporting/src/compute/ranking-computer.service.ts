import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { computeRanking } from '@roundtable/rankings';
import { SnapshotRepository } from '../snapshots/snapshot.repository';
import type { SnapshotTrigger } from '../snapshots/ranking-snapshot.schema';
import { WaveSeriesReader } from '../trends/wave-series.service';
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
    private readonly waves: WaveSeriesReader,
  ) {}

  async compute(surveyId: string, trigger: SnapshotTrigger, now = new Date()): Promise<ComputeOutcome> {
    const survey = await this.reader.getSurveyOrFail(surveyId);
    const exchange = await this.reader.read(survey);
    const series = await this.waves.seriesOf(survey);
    const hash = createHash('sha256')
      .update(JSON.stringify([exchange.doc.items, exchange.doc.responses, exchange.doc.invited, exchange.doc.options]))
      .update(JSON.stringify(exchange.counts));
    if (series.length > 1) {
      // A wave's result also holds its trends, which change when the series does.
      hash.update(JSON.stringify(series.map((wave) => String(wave._id))));
    }
    const fingerprint = hash.digest('hex');
    const final = survey.status === 'closed';
    const latest = await this.snapshots.findLatest(surveyId);
    // New completions that changed nothing (a re-submit of the same answers) need no new version;
    // the close still writes one, marked final.
    if (latest && latest.fingerprint === fingerprint && (latest.final || !final)) {
      return { version: latest.version, unchanged: true };
    }
    const started = performance.now();
    const result = computeRanking(exchange.doc, exchange.counts);
    const trends = await this.waves.trendsOf(series);
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
      trends,
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
