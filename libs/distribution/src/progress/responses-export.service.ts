import { Injectable } from '@nestjs/common';
import { csvLine, downloadName, NotFoundError } from '@roundtable/core';
import { ResponseRepository, SurveyRepository } from '@roundtable/surveys';
import { csvHeader, csvRow } from './responses-csv';

const PAGE = 500;

/** Streams a survey's raw responses as CSV, a page at a time by `_id` range (never all in memory). */
@Injectable()
export class ResponsesExport {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly responses: ResponseRepository,
  ) {}

  async open(surveyId: string): Promise<{ filename: string; lines: AsyncGenerator<string> }> {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    const items = survey.items;
    const profileKeys = survey.profileQuestions;
    const responses = this.responses;
    async function* lines(): AsyncGenerator<string> {
      yield csvLine(csvHeader(items, profileKeys));
      let after: string | undefined;
      let respondent = 0;
      for (;;) {
        const page = await responses.pageBySurvey(surveyId, PAGE, after);
        for (const response of page) {
          respondent += 1;
          yield csvLine(csvRow(respondent, response, items, profileKeys));
        }
        if (page.length < PAGE) {
          return;
        }
        after = page[page.length - 1]._id;
      }
    }
    return { filename: downloadName(survey.title, 'responses', 'csv'), lines: lines() };
  }
}
