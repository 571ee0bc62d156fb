import { Module } from '@nestjs/common';
import { JobsModule } from '@roundtable/jobs';
import { CensusComputer } from './compute/census-computer.service';
import { CensusDaily } from './compute/census-daily.service';
import { CensusJob } from './compute/census-job.service';
import { ImportExpiry } from './import/import-expiry.service';
import { RosterDataModule } from './roster-data.module';

/**
 * The worker's part of the census: the job that computes a snapshot from the roster, today's census
 * again each day, and the removal of import previews nobody confirmed.
 */
@Module({
  imports: [RosterDataModule, JobsModule],
  providers: [CensusComputer, CensusJob, CensusDaily, ImportExpiry],
  exports: [CensusComputer, ImportExpiry],
})
export class RosterWorkerModule {}
