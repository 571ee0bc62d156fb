/** @roundtable/jobs: the document-backed job queue that workers share through leases. */
export { JobsModule } from './jobs.module';
export { JobQueue } from './job-queue.service';
export { JobRunner, PermanentJobError, type JobHandler } from './job-runner.service';
export { JobLoop } from './job-loop.service';
export { JobRepository, type JobRecord } from './job.repository';
export { retryDelayMs } from './backoff';
