import { Injectable } from '@nestjs/common';
import { ResponseRepository, SurveyRepository, type SurveyRecord } from '@roundtable/surveys';
import { RANKING_OPTIONS } from '../compute/survey-exchange.service';
import { computeTrends, type WaveResponses, type WaveTrends } from './wave-trends';

/**
 * Reads a survey's series of waves for the worker's computation: each wave's items and its completed
 * responses' held keys, one cursor per wave (earlier waves are closed, so they are read as they are).
 */
@Injectable()
export class WaveSeriesReader {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly responses: ResponseRepository,
  ) {}

  /** The waves that end with this survey, oldest first (just the survey when it is not a wave). */
  seriesOf(survey: SurveyRecord): Promise<SurveyRecord[]> {
    return survey.waveOf ? this.surveys.findWaveSeries(survey) : Promise.resolve([survey]);
  }

  /** The trends of a series (seriesOf), or null for a survey that is not a wave of another. */
  async trendsOf(series: readonly SurveyRecord[]): Promise<WaveTrends | null> {
    if (series.length < 2) {
      return null;
    }
    const waves: WaveResponses[] = [];
    for (const wave of series) {
      waves.push(await this.read(wave));
    }
    return computeTrends(waves, { seed: RANKING_OPTIONS.seed ?? 42, resamples: RANKING_OPTIONS.resamples ?? 1000 });
  }

  private async read(survey: SurveyRecord): Promise<WaveResponses> {
    const held: string[][] = [];
    for await (const response of this.responses.streamForRanking(String(survey._id))) {
      if (response.status === 'completed') {
        held.push([...(response.held ?? [])]);
      }
    }
    return {
      surveyId: String(survey._id),
      title: survey.title,
      items: survey.items.map(({ key, label }) => ({ key, label })),
      held,
    };
  }
}
