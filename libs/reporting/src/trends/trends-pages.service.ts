import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@roundtable/core';
import { SurveyRepository } from '@roundtable/surveys';
import { SnapshotRepository } from '../snapshots/snapshot.repository';
import { trendsModel } from './trends-model';

/** The console's Trends tab: read from the latest snapshot of the series' newest wave. */
@Injectable()
export class TrendsPages {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly snapshots: SnapshotRepository,
  ) {}

  async trendsPage(surveyId: string) {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    const snapshot = await this.snapshots.findLatest(surveyId);
    const base = { title: `Trends: ${survey.title}`, survey: { id: surveyId, title: survey.title } };
    if (!snapshot?.trends) {
      return { ...base, trends: null, isWave: Boolean(survey.waveOf) };
    }
    return {
      ...base,
      isWave: true,
      computedVersion: snapshot.version,
      trends: trendsModel(snapshot.trends, snapshot.result.options.min_cell),
    };
  }
}
