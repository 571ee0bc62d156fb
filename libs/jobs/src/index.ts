/** @roundtable/jobs: the document-backed job queue that workers share through leases. */
export { JobsModule } from './jobs.module';
export {
  JOB_KINDS,
  JOB_TYPES,
  type BatchRecipient,
  type LetteredBatchRecipient,
  type JobKind,
  type JobPayload,
  type JobPayloads,
  type JobType,
  type MailPayload,
  type NoPayload,
  type SendBatchPayload,
} from './job-catalogue';
export { JobQueue } from './job-queue.service';
export {
  JobRunner,
  PermanentJobError,
  type JobHandler,
  type JobContext,
  type NextRun,
  type RegisterOptions,
} from './job-runner.service';
export { RecurringJobs, scheduleJobId, type Schedule } from './recurring-jobs.service';
export { JobHistoryPruner, PRUNE_HISTORY_JOB } from './job-history-pruner.service';
export { JobLoop } from './job-loop.service';
export { JobRepository, type JobRecord, type ClaimedJob } from './job.repository';
export { retryDelayMs } from './backoff';
