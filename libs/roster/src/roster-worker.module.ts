import { Module } from '@nestjs/common';
import { JobsModule } from '@roundtable/jobs';
import { CensusComputer } from './compute/census-computer.service';
import { CensusJob } from './compute/census-job.service';
import { RosterDataModule } from './roster-data.module';

/** The worker's part of the census: the job that computes a snapshot from the roster. */
@Module({
  imports: [RosterDataModule, JobsModule],
  providers: [CensusComputer, CensusJob],
  exports: [CensusComputer],
})
export class RosterWorkerModule {}
