import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobLoop } from './job-loop.service';
import { JobQueue } from './job-queue.service';
import { JobRepository } from './job.repository';
import { JobRunner } from './job-runner.service';
import { Job, JobSchema } from './job.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Job.name, schema: JobSchema }])],
  providers: [JobRepository, JobQueue, JobRunner, JobLoop],
  exports: [JobQueue, JobRunner, JobLoop, JobRepository],
})
export class JobsModule {}
