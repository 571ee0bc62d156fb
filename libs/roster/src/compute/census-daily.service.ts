import { Injectable, OnModuleInit } from '@nestjs/common';
import { RecurringJobs, type JobType } from '@roundtable/jobs';
import { CensusComputer } from './census-computer.service';

export const CENSUS_DAILY_JOB = 'census.daily' satisfies JobType;

/** The first minute of the next UTC day after `now`: when today's census moves to the new date. */
export function nextCensusDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 1));
}

/**
 * Today's census is a census on the day it was computed; with no roster change for a while it would
 * keep showing an old date (open tenures measured to then, a population that has not moved on). A
 * standing schedule recomputes it just after each UTC midnight. The roster did not change, so the
 * census dates staff asked for stay valid and are kept.
 */
@Injectable()
export class CensusDaily implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly computer: CensusComputer,
  ) {}

  onModuleInit(): void {
    this.recurring.define(CENSUS_DAILY_JOB, { next: nextCensusDay }, async () => {
      await this.computer.computeToday();
    });
  }
}
