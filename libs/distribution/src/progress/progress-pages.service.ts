import { Injectable } from '@nestjs/common';
import { ShardedCounters } from '@roundtable/counters';
import { NotFoundError } from '@roundtable/core';
import { JobRepository } from '@roundtable/jobs';
import { describeAudience, SurveyRepository } from '@roundtable/surveys';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { counterGroup } from '../sending/batch-sender.service';
import { distributeJobId } from '../sending/distribute.service';
import { percent, surveyFigures } from './figures';

const NOTES: Record<string, string> = {
  sending: 'Distribution started: the worker is writing the invitations and sending them.',
  reminding: 'A reminder round is queued for those who have not completed.',
  resent: 'A new link is on its way; the member’s earlier links no longer work.',
  closed: 'The survey is closed: links now show that it has closed.',
  extended: 'The survey is open until its new close date.',
};

function day(date: Date | null | undefined): string {
  return date ? new Date(date).toISOString().slice(0, 10) : '';
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

  async page(surveyId: string, done?: string) {
    const survey = await this.surveys.findById(surveyId);
    if (!survey) {
      throw new NotFoundError('There is no such survey.');
    }
    const figures = surveyFigures(await this.counters.read(counterGroup(surveyId)));
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
      note: done ? (NOTES[done] ?? null) : null,
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
      segmentsAt: snapshot ? snapshot.at.toISOString().slice(0, 16).replace('T', ' ') : null,
    };
  }

  private async isQueued(surveyId: string): Promise<boolean> {
    const job = await this.jobs.findById(distributeJobId(surveyId));
    return job !== null && (job.status === 'pending' || job.status === 'running');
  }
}
