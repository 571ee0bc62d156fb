import { Module } from '@nestjs/common';
import { JobsModule } from '@roundtable/jobs';
import { RankingComputer } from './compute/ranking-computer.service';
import { RankingJob } from './compute/ranking-job.service';
import { ReportingDataModule } from './reporting-data.module';

/** The worker's part of reporting: the job that computes a survey's result into a snapshot. */
@Module({
  imports: [ReportingDataModule, JobsModule],
  providers: [RankingComputer, RankingJob],
  exports: [RankingComputer],
})
export class ReportingWorkerModule {}
