import { Injectable } from '@nestjs/common';
import { JobQueue } from '@roundtable/jobs';
import { STATE_LABELS } from './admin-home-figures';
import { AdminHomeRepository } from './admin-home.repository';
import { ADMIN_HOME_REFRESH_JOB } from './admin-home-snapshots.service';

const dateTime = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(date);

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
      computedAt: `${dateTime(snapshot.computedAt)} UTC`,
      states: STATE_LABELS.map(([state, label]) => ({
        state,
        label,
        count: snapshot.membersByState[state] ?? 0,
        href: `/admin/members?state=${state}`,
      })),
      events: snapshot.lastEvents.map((event) => ({ ...event, at: `${dateTime(new Date(event.receivedAt))} UTC` })),
    };
  }

  /** Asks the worker to recompute the figures now (a job: the count itself never runs on a request). */
  async requestRefresh(): Promise<void> {
    await this.jobs.enqueue(ADMIN_HOME_REFRESH_JOB, {});
  }
}
