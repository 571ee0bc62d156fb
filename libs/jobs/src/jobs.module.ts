import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobLoop } from './job-loop.service';
import { JobQueue } from './job-queue.service';
import { JobRepository } from './job.repository';
import { JobRunner } from './job-runner.service';
import { Job, JobClaim, JobClaimSchema, JobHistory, JobHistorySchema, JobSchema } from './job.schema';
import { RecurringJobs } from './recurring-jobs.service';
import { JobHistoryPruner } from './job-history-pruner.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Job.name, schema: JobSchema },
      { name: JobClaim.name, schema: JobClaimSchema },
      { name: JobHistory.name, schema: JobHistorySchema },
    ]),
  ],
  providers: [JobRepository, JobQueue, JobRunner, JobLoop, RecurringJobs, JobHistoryPruner],
  exports: [JobQueue, JobRunner, JobLoop, JobRepository, RecurringJobs, JobHistoryPruner],
})
export class JobsModule {}
