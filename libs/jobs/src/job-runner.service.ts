import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { retryDelayMs } from './backoff';
import { JobRepository } from './job.repository';

export type JobHandler = (payload: Record<string, unknown>, context: { attempt: number }) => Promise<void>;

/** Raised by a handler for an error that retrying cannot fix (a bad address, a deleted record). */
export class PermanentJobError extends Error {}

/**
 * Runs queued jobs: claims one at a time under a lease, calls the handler registered for its type,
 * and settles it as done, retried later with backoff, or failed with its last error.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<string, JobHandler>();
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  leaseMs = 60_000;

  constructor(private readonly jobs: JobRepository) {}

  /** Feature modules register the handler of each job type they own, once, at module init. */
  register(type: string, handler: JobHandler): void {
    if (this.handlers.has(type)) {
      throw new Error(`A handler for job type "${type}" is already registered`);
    }
    this.handlers.set(type, handler);
  }

  /** Processes up to `limit` due jobs; returns how many it settled, 0 when the queue had none due. */
  async runDue(limit = 20): Promise<number> {
    let settled = 0;
    while (settled < limit) {
      const job = await this.jobs.claimNext(this.workerId, this.leaseMs);
      if (!job) {
        break;
      }
      settled += 1;
      const handler = this.handlers.get(job.type);
      if (!handler) {
        await this.jobs.markFailed(job._id, this.workerId, `No handler for job type "${job.type}"`);
        continue;
      }
      try {
        await handler(job.payload, { attempt: job.attempts });
        await this.jobs.markDone(job._id, this.workerId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
          this.logger.warn(`Job ${String(job._id)} (${job.type}) failed after ${job.attempts} attempt(s): ${message}`);
          await this.jobs.markFailed(job._id, this.workerId, message);
        } else {
          const runAt = new Date(Date.now() + retryDelayMs(job.attempts));
          await this.jobs.markRetry(job._id, this.workerId, runAt, message);
        }
      }
    }
    return settled;
  }
}
