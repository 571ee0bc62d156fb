import { Module } from '@nestjs/common';
import { JobsModule } from '@roundtable/jobs';
import { RankingComputer } from './compute/ranking-computer.service';
import { RankingJob } from './compute/ranking-job.service';
import { ReportingDataModule } from './reporting-data.module';
import { WaveSeriesReader } from './trends/wave-series.service';

/** The worker's part of reporting: the job that computes a survey's result into a snapshot. */
@Module({
  imports: [ReportingDataModule, JobsModule],
  providers: [RankingComputer, RankingJob, WaveSeriesReader],
  exports: [RankingComputer],
})
export class ReportingWorkerModule {}
