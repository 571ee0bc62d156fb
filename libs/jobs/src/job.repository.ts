import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Job, JobStatus } from './job.schema';

export type JobRecord = Job & { _id: Types.ObjectId };

/** The only code that touches the jobs collection. */
@Injectable()
export class JobRepository {
  constructor(@InjectModel(Job.name) private readonly jobs: Model<Job>) {}

  async insert(type: string, payload: Record<string, unknown>, options: { runAt?: Date; maxAttempts?: number } = {}) {
    const created = await this.jobs.create({
      type,
      payload,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
    });
    return created.toObject() as JobRecord;
  }

  /**
   * Atomically takes one due job (or one whose lease expired) and marks it running under our lease.
   * One document, one guarded update: safe with any number of workers, no transaction needed.
   */
  async claimNext(workerId: string, leaseMs: number, now = new Date()): Promise<JobRecord | null> {
    const lease = { $set: { status: 'running', lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs) } };
    const due = await this.jobs
      .findOneAndUpdate(
        { status: 'pending', runAt: { $lte: now } },
        { ...lease, $inc: { attempts: 1 } },
        {
          sort: { runAt: 1 },
          returnDocument: 'after',
        },
      )
      .lean<JobRecord>();
    if (due) {
      return due;
    }
    return this.jobs
      .findOneAndUpdate(
        { status: 'running', lockedUntil: { $lt: now } },
        { ...lease, $inc: { attempts: 1 } },
        {
          sort: { lockedUntil: 1 },
          returnDocument: 'after',
        },
      )
      .lean<JobRecord>();
  }

  /** Settles a job this worker still holds; a lease lost to another worker is left alone. */
  async markDone(id: Types.ObjectId, workerId: string): Promise<void> {
    await this.jobs.updateOne(
      { _id: id, status: 'running', lockedBy: workerId },
      { $set: { status: 'done', lockedUntil: null, lastError: null } },
    );
  }

  async markRetry(id: Types.ObjectId, workerId: string, runAt: Date, error: string): Promise<void> {
    await this.jobs.updateOne(
      { _id: id, status: 'running', lockedBy: workerId },
      { $set: { status: 'pending', runAt, lockedUntil: null, lockedBy: null, lastError: error } },
    );
  }

  async markFailed(id: Types.ObjectId, workerId: string, error: string): Promise<void> {
    await this.jobs.updateOne(
      { _id: id, status: 'running', lockedBy: workerId },
      { $set: { status: 'failed', lockedUntil: null, lastError: error } },
    );
  }

  findById(id: Types.ObjectId | string): Promise<JobRecord | null> {
    return this.jobs.findById(id).lean<JobRecord>();
  }

  /** Recent jobs of one type and state, newest first, for the console and tests. */
  findRecent(filter: { type?: string; status?: JobStatus }, limit = 50): Promise<JobRecord[]> {
    return this.jobs.find(filter).sort({ _id: -1 }).limit(limit).lean<JobRecord[]>();
  }
}
