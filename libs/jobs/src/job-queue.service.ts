import { Injectable } from '@nestjs/common';
import { JobPayload, JobType } from './job-catalogue';
import { JobRepository } from './job.repository';

/** The API side of the queue: features enqueue work here and a worker does it. */
@Injectable()
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly jobs: JobRepository) {}

  /**
   * Calls `listener` whenever this process queues a job: a worker's idle lanes wake at once for the
   * batches its own distribution job queues instead of sleeping out their poll interval.
   */
  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues a job; returns its id. */
  async enqueue<T extends JobType>(
    type: T,
    payload: JobPayload<T>,
    options: { runAt?: Date; maxAttempts?: number } = {},
  ): Promise<string> {
    const job = await this.jobs.insert(type, payload, options);
    this.queued();
    return job!._id;
  }

  /**
   * Queues a job under a chosen id unless one of that id is queued: true when this call queued it.
   * The unique `_id` makes a retried or racing caller harmless (one distribution run per survey).
   */
  async enqueueOnce<T extends JobType>(
    id: string,
    type: T,
    payload: JobPayload<T>,
    options: { runAt?: Date; maxAttempts?: number } = {},
  ): Promise<boolean> {
    const queued = (await this.jobs.insert(type, payload, { ...options, id })) !== null;
    if (queued) {
      this.queued();
    }
    return queued;
  }

  /** How many jobs of `type` with these payload values are still queued or running. */
  countQueued<T extends JobType>(type: T, payload: Partial<JobPayload<T>>): Promise<number> {
    return this.jobs.countQueued(type, payload);
  }

  private queued(): void {
    this.listeners.forEach((listener) => listener());
  }
}
