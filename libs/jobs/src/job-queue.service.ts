import { Injectable } from '@nestjs/common';
import { JobRepository } from './job.repository';

/** The API side of the queue: features enqueue work here and a worker does it. */
@Injectable()
export class JobQueue {
  constructor(private readonly jobs: JobRepository) {}

  async enqueue(
    type: string,
    payload: Record<string, unknown>,
    options: { runAt?: Date; maxAttempts?: number } = {},
  ): Promise<string> {
    const job = await this.jobs.insert(type, payload, options);
    return String(job._id);
  }
}
