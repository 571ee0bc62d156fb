import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { retryDelayMs } from './backoff';
import { JOB_TYPES, JobPayload, JobType } from './job-catalogue';
import { ClaimedJob, JobRepository } from './job.repository';
import { LeaseKeeper } from './lease-keeper';

/** What a handler may do besides its work: keep its lease, save progress, know its attempt. */
export interface JobContext {
  jobId: string;
  attempt: number;
  /** True on the last attempt the job gets: a handler may record what stays undone. */
  lastAttempt: boolean;
  /** What an earlier, interrupted run of this job saved with `checkpoint` (null on a fresh job). */
  progress: Record<string, unknown> | null;
  /** Saves progress and renews the lease; false if the job was taken over (then stop at once). */
  checkpoint(progress: Record<string, unknown>): Promise<boolean>;
  /** Renews the lease of a long job; false if the job was taken over (then stop at once). */
  extendLease(): Promise<boolean>;
}

/** The handler of job type `T`: it receives that type's payload from the catalogue. */
export type JobHandler<T extends JobType = JobType> = (payload: JobPayload<T>, context: JobContext) => Promise<void>;

/** How a job type runs, besides its handler. */
export interface RegisterOptions<T extends JobType> {
  /** Claimed alone (seconds of work, such as a send batch): see `JobRunner.register`. */
  long?: boolean;
  /**
   * What the job history keeps of the payload once the job is settled (by default, all of it). A
   * payload that carries a secret (an email with a sign-in link) keeps only what the console needs,
   * so the secret leaves the database with the job.
   */
  history?: (payload: JobPayload<T>) => object;
}

/** Raised by a handler for an error that retrying cannot fix (a bad address, a deleted record). */
export class PermanentJobError extends Error {}

/** How a recurring job's next run is found after a run: a fixed interval, or a function. */
export type NextRun<T extends JobType = JobType> = (
  now: Date,
  payload: JobPayload<T>,
) => Date | null | Promise<Date | null>;

/**
 * Runs queued jobs: claims a few at a time under a lease (a unique insert per claim), calls the
 * handler registered for each type, and settles it as done, retried later with backoff, or failed
 * with its last error. Any number of workers run this side by side.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  // Stored untyped: a claimed job's type is only a string read back from the database.
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly schedules = new Map<string, NextRun<never>>();
  private readonly longTypes = new Set<string>();
  private readonly historyViews = new Map<string, (payload: never) => object>();
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  leaseMs = 60_000;
  /** First retry delay; doubles per attempt (tests shorten it). */
  retryBaseMs = 5_000;
  /** Jobs claimed together under one lease; each is re-leased as it starts. */
  batchSize = 5;

  constructor(private readonly jobs: JobRepository) {}

  /**
   * Feature modules register the handler of each job type they own, once, at module init. A `long`
   * job (seconds of work, such as a send batch) is claimed alone: claimed with others, it would wait
   * behind them under this worker's lease while another worker sat idle, which at the end of a
   * distribution left one worker sending several batches while the other had none.
   */
  register<T extends JobType>(type: T, handler: JobHandler<T>, options: RegisterOptions<T> = {}): void {
    if (this.handlers.has(type)) {
      throw new Error(`A handler for job type "${type}" is already registered`);
    }
    this.handlers.set(type, handler);
    if (options.long) {
      this.longTypes.add(type);
    }
    if (options.history) {
      this.historyViews.set(type, options.history);
    }
  }

  /** Registers a recurring job type: after each run, its one queued job moves on to `next`. */
  registerRecurring<T extends JobType>(type: T, next: NextRun<T>, handler: JobHandler<T>): void {
    this.register(type, handler);
    this.schedules.set(type, next);
  }

  /** Catalogued job types that no module of this process registered a handler for. */
  missingHandlers(): JobType[] {
    return JOB_TYPES.filter((type) => !this.handlers.has(type));
  }

  /** Whether `type` was registered as recurring (`RecurringJobs.define`). */
  isRecurring(type: JobType): boolean {
    return this.schedules.has(type);
  }

  /** Processes up to `limit` due jobs; returns how many it settled, 0 when the queue had none due. */
  async runDue(limit = 20): Promise<number> {
    let settled = 0;
    while (settled < limit) {
      const batch = await this.jobs.claimBatch(
        this.workerId,
        this.leaseMs,
        Math.min(this.batchSize, limit - settled),
        (type) => this.longTypes.has(type),
      );
      if (batch.length === 0) {
        break;
      }
      for (const [index, job] of batch.entries()) {
        // The batch shares one lease taken at the claim; each job renews it as it starts.
        if (index > 0 && !(await this.jobs.extendLease(job, this.leaseMs))) {
          continue;
        }
        await this.run(job);
        settled += 1;
      }
    }
    return settled;
  }

  private async run(job: ClaimedJob): Promise<void> {
    // The one place a stored payload meets its handler: the type read back names the handler, and
    // the catalogue says which payload that type was queued with.
    const handler = this.handlers.get(job.type) as JobHandler | undefined;
    if (!handler) {
      await this.jobs.settle(job, { status: 'failed', error: `No handler for job type "${job.type}"` });
      return;
    }
    const lease = new LeaseKeeper(() => this.jobs.extendLease(job, this.leaseMs), this.leaseMs / 3);
    const context: JobContext = {
      jobId: job._id,
      attempt: job.attempts,
      lastAttempt: job.attempts >= job.maxAttempts,
      progress: job.progress,
      checkpoint: (progress) =>
        lease.exclusive(
          async () => (await this.jobs.checkpoint(job, progress)) && this.jobs.extendLease(job, this.leaseMs),
        ),
      extendLease: () => lease.exclusive(() => this.jobs.extendLease(job, this.leaseMs)),
    };
    try {
      try {
        await handler(job.payload as JobPayload<JobType>, context);
      } finally {
        await lease.stop();
      }
      await this.jobs.settle(job, { status: 'done', nextRunAt: await this.nextRun(job), kept: this.kept(job) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
        this.logger.warn(`Job ${job._id} (${job.type}) failed after ${job.attempts} attempt(s): ${message}`);
        // A recurring job goes on to its next run even when this one failed.
        await this.jobs.settle(job, {
          status: 'failed',
          error: message,
          nextRunAt: await this.nextRun(job),
          kept: this.kept(job),
        });
      } else {
        const runAt = new Date(Date.now() + retryDelayMs(job.attempts, this.retryBaseMs));
        await this.jobs.retryLater(job, runAt, message);
      }
    }
  }

  /** What the history keeps of a settled job's payload (all of it, unless its type says otherwise). */
  private kept(job: ClaimedJob): object {
    const view = this.historyViews.get(job.type) as ((payload: JobPayload<JobType>) => object) | undefined;
    return view ? view(job.payload as JobPayload<JobType>) : job.payload;
  }

  private async nextRun(job: ClaimedJob): Promise<Date | null> {
    const next = job.scheduleKey ? (this.schedules.get(job.type) as NextRun | undefined) : undefined;
    return next ? next(new Date(), job.payload as JobPayload<JobType>) : null;
  }
}
