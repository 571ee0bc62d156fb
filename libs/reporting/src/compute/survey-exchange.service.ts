import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@roundtable/core';
import { DEFAULT_OPTIONS, type ExchangeOptions } from '@roundtable/rankings';
import { InvitationRepository, ResponseRepository, SurveyRepository, type SurveyRecord } from '@roundtable/surveys';
import { normaliseProfileValue } from './profile-values';
import { SurveyExchangeBuilder, type SurveyExchange } from './survey-exchange';

/** The computation's parameters; stored in every snapshot (result.options) so it can be reproduced. */
export const RANKING_OPTIONS: ExchangeOptions = { ...DEFAULT_OPTIONS };

/**
 * Streams one survey's invitations and responses (one cursor each, compact projections) into the
 * exchange format. Used by the worker's computation and by staff's export (a download, not a page).
 */
@Injectable()
export class SurveyExchangeReader {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly invitations: InvitationRepository,
    private readonly responses: ResponseRepository,
  ) {}

  async getSurveyOrFail(surveyId: string): Promise<SurveyRecord> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    return survey;
  }

  async read(survey: SurveyRecord, options: Partial<ExchangeOptions> = RANKING_OPTIONS): Promise<SurveyExchange> {
    const surveyId = String(survey._id);
    const builder = new SurveyExchangeBuilder(survey, normaliseProfileValue);
    for await (const invitation of this.invitations.streamForRanking(surveyId)) {
      builder.addInvitation(invitation);
    }
    for await (const response of this.responses.streamForRanking(surveyId)) {
      builder.addResponse(response);
    }
    return builder.build(options);
  }
}
