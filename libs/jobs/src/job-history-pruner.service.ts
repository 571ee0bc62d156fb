import { Injectable, OnModuleInit } from '@nestjs/common';
import type { JobType } from './job-catalogue';
import { JobRepository } from './job.repository';
import { RecurringJobs } from './recurring-jobs.service';

export const PRUNE_HISTORY_JOB = 'jobs.prune-history' satisfies JobType;
const KEEP_DAYS = 14;

/** Keeps the job history small: once a day, settled jobs older than two weeks are forgotten. */
@Injectable()
export class JobHistoryPruner implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly jobs: JobRepository,
  ) {}

  onModuleInit(): void {
    this.recurring.define(PRUNE_HISTORY_JOB, { everyMs: 24 * 60 * 60 * 1000 }, async () => {
      await this.jobs.pruneHistory(new Date(Date.now() - KEEP_DAYS * 24 * 60 * 60 * 1000));
    });
  }
}
