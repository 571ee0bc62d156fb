import { Injectable } from '@nestjs/common';
import { confirmationPage, type PageRequest } from '@roundtable/core';
import { ReportPages } from './report-pages.service';

/** Publishing and unpublishing a report ask first, on core's confirmation step. */
@Injectable()
export class ReportConfirmations {
  constructor(private readonly pages: ReportPages) {}

  async publishPage({ params }: PageRequest) {
    const surveyId = params?.id ?? '';
    const survey = await this.pages.surveyOrFail(surveyId);
    return confirmationPage({
      heading: 'Publish this report to members?',
      subject: survey.title,
      consequences: [
        'Members whose tier includes the research read the latest result at /reports.',
        'The home page and posts that carry the report show its headline to everyone.',
      ],
      undo: 'Unpublish it from the console; members stop seeing it at once.',
      action: `/admin/reports/${surveyId}/publish`,
      button: 'Publish the report',
      cancel: `/admin/reports/${surveyId}`,
    });
  }

  async unpublishPage({ params }: PageRequest) {
    const surveyId = params?.id ?? '';
    const survey = await this.pages.surveyOrFail(surveyId);
    return confirmationPage({
      heading: 'Unpublish this report?',
      subject: survey.title,
      consequences: [
        'Members no longer see the report, and its headline leaves the home page and posts.',
        'Links members saved to it stop working.',
      ],
      undo: 'Publish it again from the console.',
      action: `/admin/reports/${surveyId}/unpublish`,
      button: 'Unpublish the report',
      cancel: `/admin/reports/${surveyId}`,
      danger: true,
    });
  }
}
