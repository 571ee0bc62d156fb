import { Injectable } from '@nestjs/common';
import { JobRepository } from './job.repository';

/** The API side of the queue: features enqueue work here and a worker does it. */
@Injectable()
export class JobQueue {
  constructor(private readonly jobs: JobRepository) {}

  /** Queues a job; returns its id. */
  async enqueue(
    type: string,
    payload: Record<string, unknown>,
    options: { runAt?: Date; maxAttempts?: number } = {},
  ): Promise<string> {
    const job = await this.jobs.insert(type, payload, options);
    return job!._id;
  }

  /**
   * Queues a job under a chosen id unless one of that id is queued: true when this call queued it.
   * The unique `_id` makes a retried or racing caller harmless (one distribution run per survey).
   */
  async enqueueOnce(
    id: string,
    type: string,
    payload: Record<string, unknown>,
    options: { runAt?: Date; maxAttempts?: number } = {},
  ): Promise<boolean> {
    return (await this.jobs.insert(type, payload, { ...options, id })) !== null;
  }
}
