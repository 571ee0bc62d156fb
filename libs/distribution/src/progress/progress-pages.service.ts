import { Injectable } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { confirmationPage, formatDate, formatDateTime, NotFoundError, type PageRequest } from '@roundtable/core';
import { JobRepository } from '@roundtable/jobs';
import { describeAudience, SurveyRepository } from '@roundtable/surveys';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { counterGroup } from '../sending/batch-sender.service';
import { distributeJobId } from '../sending/distribute.service';
import { percent, points, surveyFigures } from './figures';
import { SEGMENT_DIMENSIONS, segmentsFromCounts, type SegmentRow } from './segments';
import { segmentGaps } from './skew-targets';

/** Invited share, respondent share and gap per segment of each attribute, from the live counters. */
function sharesModel(rows: SegmentRow[]) {
  return segmentGaps(rows).map((dimension) => ({
    dimension: dimension.dimension,
    invited: dimension.invited,
    completed: dimension.completed,
    rows: dimension.rows.map((row) => ({
      value: row.value,
      invited: row.invited,
      completed: row.completed,
      invitedShare: percent(row.invitedShare),
      respondentShare: dimension.completed > 0 ? percent(row.respondentShare) : '–',
      gap: dimension.completed > 0 ? points(row.gapPp) : '–',
    })),
  }));
}

function day(date: Date | null | undefined): string {
  return date ? formatDate(date) : '';
}

/**
 * The console's progress page of a survey. It reads only small documents: the survey, the counter
 * shards of its figures, the distribution job (queued or not) and the last segment snapshot.
 */
@Injectable()
export class ProgressPages {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly counters: ShardedCounters,
    private readonly jobs: JobRepository,
    private readonly deliveries: DeliveryRepository,
  ) {}

  /** Closing a survey asks first (core's confirmation step): what closing does and how to reopen. */
  async closeConfirmPage({ params }: PageRequest) {
    const surveyId = params?.id ?? '';
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    return confirmationPage({
      heading: 'Close this survey now?',
      subject: survey.title,
      consequences: [
        'Members can no longer answer or change their answers; their links say the survey is closed.',
        'No more reminders are sent.',
        'The final result is computed from the answers in by now.',
      ],
      undo: 'Reopen it from its progress page with a new close date; members’ links work again.',
      action: `/admin/surveys/${surveyId}/close`,
      button: 'Close the survey',
      cancel: `/admin/surveys/${surveyId}/progress`,
      danger: true,
    });
  }

  /**
   * The page for its GET and again around a refused action (`@FormPage`'s model): `params.id` is the
   * survey. What an action did is said by the flash, not here.
   */
  async page({ params }: PageRequest) {
    const surveyId = params?.id ?? '';
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    const counts = await this.counters.read(counterGroup(surveyId));
    const figures = surveyFigures(counts);
    const distributing = survey.sentAt !== null && (figures.queued > 0 || (await this.isQueued(surveyId)));
    const snapshot = await this.deliveries.findSnapshot(surveyId);
    return {
      title: `Progress: ${survey.title}`,
      survey: {
        id: surveyId,
        title: survey.title,
        status: survey.status,
        sent: day(survey.sentAt),
        closes: day(survey.closesAt),
        audience: describeAudience(survey.audience),
      },
      dimensions: Object.keys(SEGMENT_DIMENSIONS),
      figures,
      rate: percent(figures.responseRate),
      distributing,
      progressPercent: Math.round(figures.distributed * 100),
      // While the worker sends, the page reloads itself (a meta refresh: no script needed).
      refreshSeconds: distributing ? 3 : null,
      segments: (snapshot?.segments ?? []).map((row) => ({
        ...row,
        rate: percent(row.invited === 0 ? 0 : row.completed / row.invited),
      })),
      shares: sharesModel(segmentsFromCounts(counts)),
      segmentsAt: snapshot ? formatDateTime(snapshot.at) : null,
    };
  }

  private async isQueued(surveyId: string): Promise<boolean> {
    const job = await this.jobs.findById(distributeJobId(surveyId));
    return job !== null && (job.status === 'pending' || job.status === 'running');
  }
}
