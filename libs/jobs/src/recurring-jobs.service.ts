import { Injectable } from '@nestjs/common';
import { JobHandler, JobRunner, NextRun } from './job-runner.service';
import { JobRepository } from './job.repository';

/** How often a recurring job runs: every `everyMs`, or at the time `next` returns (null ends it). */
export type Schedule = { everyMs: number } | { next: NextRun };

/** The `_id` of a schedule's one queued run. */
export function scheduleJobId(type: string, key: string): string {
  return `sched:${type}:${key}`;
}

/**
 * Recurring jobs on the shared queue. A schedule is one queued job whose `_id` names it
 * (`sched:<type>:<key>`): creating it is a unique insert, so any number of workers starting at once
 * book exactly one pending run, and each run, once settled, moves the same job on to its next time.
 * A crashed run comes back after its lease like any job. Types are defined once per process (the
 * handler and how the next time is found); `ensure` books a schedule, keyed for per-record schedules
 * such as one survey's reminders.
 */
@Injectable()
export class RecurringJobs {
  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobRepository,
  ) {}

  define(type: string, schedule: Schedule, handler: JobHandler): void {
    const next: NextRun = 'everyMs' in schedule ? (now) => new Date(now.getTime() + schedule.everyMs) : schedule.next;
    this.runner.registerRecurring(type, next, handler);
  }

  /**
   * Books the schedule's run at `firstRunAt` (default now) unless one is queued; true when this call
   * booked it.
   */
  async ensure(
    type: string,
    options: { key?: string; payload?: Record<string, unknown>; firstRunAt?: Date; maxAttempts?: number } = {},
  ): Promise<boolean> {
    const key = options.key ?? 'default';
    const booked = await this.jobs.insert(type, options.payload ?? {}, {
      id: scheduleJobId(type, key),
      scheduleKey: key,
      runAt: options.firstRunAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 3,
    });
    return booked !== null;
  }
}
