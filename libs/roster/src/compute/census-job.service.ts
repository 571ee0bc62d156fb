import { Injectable, OnModuleInit } from '@nestjs/common';
import { parseDay } from '@roundtable/census';
import { JobRunner, PermanentJobError } from '@roundtable/jobs';
import { CensusComputer } from './census-computer.service';
import { CENSUS_JOB } from './census-requests.service';

/** The worker's handler of CENSUS_JOB; a retried run writes the same snapshot. */
@Injectable()
export class CensusJob implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly computer: CensusComputer,
  ) {}

  onModuleInit(): void {
    this.runner.register(CENSUS_JOB, async (payload) => {
      // A payload queued by an older release may lack `asOf`: that asked for today's census too.
      const asOf: unknown = payload?.asOf ?? null;
      if (asOf !== null && (typeof asOf !== 'string' || parseDay(asOf) === null)) {
        throw new PermanentJobError(`A census job names a census date that is not a date: ${String(asOf)}`);
      }
      await this.computer.compute(asOf ?? undefined);
    });
  }
}
