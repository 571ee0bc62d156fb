import { Injectable } from '@nestjs/common';
import { FormOutcome, formatDateTime } from '@roundtable/core';
import { JobQueue } from '@roundtable/jobs';
import { STATE_LABELS } from './admin-home-figures';
import { AdminHomeRepository } from './admin-home.repository';
import { ADMIN_HOME_REFRESH_JOB } from './admin-home-snapshots.service';

/** The admin home's page: the worker's snapshot, each figure with the page it leads to. */
@Injectable()
export class AdminHome {
  constructor(
    private readonly home: AdminHomeRepository,
    private readonly jobs: JobQueue,
  ) {}

  async page() {
    const snapshot = await this.home.findCurrent();
    if (!snapshot) {
      return { title: 'Staff home', snapshot: null };
    }
    return {
      title: 'Staff home',
      snapshot,
      computedAt: formatDateTime(snapshot.computedAt),
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
