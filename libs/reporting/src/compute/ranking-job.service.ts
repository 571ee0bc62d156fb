import { Injectable, OnModuleInit } from '@nestjs/common';
import { type JobPayload, JobRunner, PermanentJobError } from '@roundtable/jobs';
import { NotFoundError } from '@roundtable/core';
import { RankingRequestRepository } from '../snapshots/request.repository';
import { SNAPSHOT_TRIGGERS } from '../snapshots/ranking-snapshot.schema';
import { RankingComputer } from './ranking-computer.service';
import { RANKING_JOB, RankingRequests } from './ranking-requests.service';
import { SurveyExchangeReader } from './survey-exchange.service';

/** The worker's handler of RANKING_JOB. */
@Injectable()
export class RankingJob implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly computer: RankingComputer,
    private readonly requests: RankingRequests,
    private readonly requestRecords: RankingRequestRepository,
    private readonly reader: SurveyExchangeReader,
  ) {}

  onModuleInit(): void {
    this.runner.register(RANKING_JOB, (payload) => this.run(payload));
  }

  async run(payload: JobPayload<typeof RANKING_JOB>, now = new Date()): Promise<void> {
    const { surveyId } = payload;
    // A payload queued by another release may name a trigger this one does not know.
    const trigger = SNAPSHOT_TRIGGERS.find((known) => known === payload.trigger) ?? 'demand';
    try {
      await this.computer.compute(surveyId, trigger, now);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new PermanentJobError(`Survey ${surveyId} no longer exists`);
      }
      throw error;
    }
    const survey = await this.reader.getSurveyOrFail(surveyId);
    if (survey.status === 'open' && survey.closesAt) {
      // Book the computation at close now, so the final result exists even if nobody asks for it.
      await this.requests.atClose(surveyId, survey.closesAt, now);
    }
    await this.requestRecords.removeOlderThan(surveyId, new Date(now.getTime() - 60 * 60_000));
  }
}
