import { Injectable } from '@nestjs/common';
import { JOB_KINDS, JOB_TYPES, JobPayload, JobType } from './job-catalogue';
import { JobHandler, JobRunner, NextRun } from './job-runner.service';
import { JobRepository } from './job.repository';

/** How often a recurring job runs: every `everyMs`, or at the time `next` returns (null ends it). */
export type Schedule<T extends JobType = JobType> = { everyMs: number } | { next: NextRun<T> };

/** The `_id` of a schedule's one queued run. */
export function scheduleJobId(type: string, key: string): string {
  return `sched:${type}:${key}`;
}

/**
 * Recurring jobs on the shared queue. A schedule is one queued job whose `_id` names it
 * (`sched:<type>:<key>`): creating it is a unique insert, so any number of workers starting at once
 * book exactly one pending run, and each run, once settled, moves the same job on to its next time.
 * A crashed run comes back after its lease like any job. Each module defines its types once per
 * process (the handler and how the next time is found); a `standing` schedule of the catalogue is
 * booked by every worker at start (`bookStanding`), a `keyed` one by its feature with `ensure`
 * (one survey's reminders).
 */
@Injectable()
export class RecurringJobs {
  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobRepository,
  ) {}

  define<T extends JobType>(type: T, schedule: Schedule<T>, handler: JobHandler<T>): void {
    const next: NextRun<T> =
      'everyMs' in schedule ? (now) => new Date(now.getTime() + schedule.everyMs) : schedule.next;
    this.runner.registerRecurring(type, next, handler);
  }

  /**
   * Books the schedule's run at `firstRunAt` (default now) unless one is queued; true when this call
   * booked it.
   */
  async ensure<T extends JobType>(
    type: T,
    options: { key?: string; payload?: JobPayload<T>; firstRunAt?: Date; maxAttempts?: number } = {},
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

  /**
   * Books every standing schedule of the catalogue (those already booked stay as they are). Throws,
   * naming them, when a standing type was not defined as recurring by any module of this process:
   * booked without its schedule, it would run once and never again.
   */
  async bookStanding(): Promise<JobType[]> {
    const standing = JOB_TYPES.filter((type) => JOB_KINDS[type] === 'standing');
    const undefinedSchedules = standing.filter((type) => !this.runner.isRecurring(type));
    if (undefinedSchedules.length > 0) {
      throw new Error(
        `No module defines the recurring schedule of ${undefinedSchedules.map((type) => `"${type}"`).join(', ')}: ` +
          'define it with RecurringJobs.define in the module that owns it, and import that module into the worker.',
      );
    }
    for (const type of standing) {
      await this.ensure(type);
    }
    return standing;
  }
}
