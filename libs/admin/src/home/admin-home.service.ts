import { Injectable } from '@nestjs/common';
import { WaitingWorkRepository } from '@roundtable/counters';
import { FormOutcome, formatDateTime } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import { SurveyRepository } from '@roundtable/surveys';
import { ageInWords, STATE_LABELS } from './admin-home-figures';
import { AdminHomeRepository } from './admin-home.repository';
import { ADMIN_HOME_REFRESH_JOB } from './admin-home-snapshots.service';

/**
 * The admin home's page: what staff act on counted now, on every view (applications waiting,
 * comments to moderate, surveys open: small reads, see WaitingWorkRepository), and the slower figures
 * from the worker's snapshot, which say how old they are.
 */
@Injectable()
export class AdminHome {
  constructor(
    private readonly home: AdminHomeRepository,
    private readonly jobs: JobQueue,
    private readonly waiting: WaitingWorkRepository,
    private readonly surveys: SurveyRepository,
  ) {}

  async page(now = new Date()) {
    const [applicationsWaiting, commentsWaiting, surveysOpen, snapshot] = await Promise.all([
      this.waiting.count('application'),
      this.waiting.count('comment'),
      this.surveys.countOpen(),
      this.home.findCurrent(),
    ]);
    const live = { applicationsWaiting, commentsWaiting, surveysOpen };
    if (!snapshot) {
      return { title: 'Staff home', live, snapshot: null };
    }
    return {
      title: 'Staff home',
      live,
      snapshot,
      computedAt: formatDateTime(snapshot.computedAt),
      age: ageInWords(snapshot.computedAt, now),
      states: STATE_LABELS.map(([state, label]) => ({
        state,
        label,
        count: snapshot.membersByState[state] ?? 0,
        href: `/admin/members?state=${state}`,
      })),
      events: snapshot.lastEvents.map((event) => ({ ...event, at: formatDateTime(event.receivedAt) })),
    };
  }

  /** Asks the worker to recompute the figures now (a job: the count itself never runs on a request). */
  async requestRefresh(): Promise<FormOutcome> {
    await this.jobs.enqueue(ADMIN_HOME_REFRESH_JOB, {});
    return FormOutcome.ok('/admin', 'The worker is recomputing the figures; reload in a moment to see them.');
  }
}
