import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import type { JobType } from './job-catalogue';
import { Job, JobClaim, JobHistory, JobStatus } from './job.schema';

/** A job as the queue and the console see it (queued, or settled in the history). */
export type JobRecord = Omit<Job, 'status'> & { status: JobStatus };
/** A job this worker holds: `claim` is its claim number, which guards every later write. */
export type ClaimedJob = Job & { claim: number };

export interface NewJob {
  runAt?: Date;
  maxAttempts?: number;
  /** A chosen `_id` for work that must be queued once (a retry or a racing caller adds nothing). */
  id?: string;
  scheduleKey?: string | null;
}

/** The only code that touches jobs, job_claims and job_history. */
@Injectable()
export class JobRepository {
  /**
   * A fault hook for tests: runs between a claim's insert and the job's update, so a test can fail
   * the process at exactly that instant (throwing here leaves what a SIGKILL there would).
   */
  betweenClaimAndTake: ((jobId: string) => Promise<void>) | null = null;

  constructor(
    @InjectModel(Job.name) private readonly jobs: Model<Job>,
    @InjectModel(JobClaim.name) private readonly claims: Model<JobClaim>,
    @InjectModel(JobHistory.name) private readonly history: Model<JobHistory>,
  ) {}

  /** Queues a job; with `options.id`, returns null when a job of that id is already queued. */
  async insert(type: JobType, payload: object, options: NewJob = {}): Promise<Job | null> {
    // A generated id is new, so only a caller's own id can find its job queued already.
    return (await insertOnce(this.jobs, {
      _id: options.id ?? new Types.ObjectId().toHexString(),
      type,
      payload,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
      scheduleKey: options.scheduleKey ?? null,
    })) as Job | null;
  }

  /**
   * Takes up to `limit` due jobs (pending, or running past a crashed worker's lease) under one lease.
   * A job is ours only if our insert of claim `<jobId>:<n+1>` succeeds: two workers reading the same
   * job try the same claim `_id` and exactly one insert wins, on FerretDB as on MongoDB. Jobs another
   * claim holds are passed over and the next due ones read, so claims stuck on the oldest jobs (a
   * worker died mid-claim, below) never stall the jobs behind them.
   */
  async claimBatch(
    workerId: string,
    leaseMs: number,
    limit: number,
    alone: (type: string) => boolean = () => false,
    now = new Date(),
  ): Promise<ClaimedJob[]> {
    const won: ClaimedJob[] = [];
    const passed: string[] = [];
    for (;;) {
      const due = await this.jobs
        .find({ runAt: { $lte: now }, ...(passed.length > 0 ? { _id: { $nin: passed } } : {}) })
        .sort({ runAt: 1 })
        .limit(limit)
        .lean<Job[]>();
      for (const job of due) {
        // A long job is claimed alone (see JobRunner.register); another claim takes it.
        const claimed = alone(job.type) && won.length > 0 ? null : await this.claim(job, workerId, leaseMs, now);
        if (!claimed) {
          passed.push(job._id);
          continue;
        }
        won.push(claimed);
        if (won.length === limit || alone(job.type)) {
          return won;
        }
      }
      if (due.length < limit) {
        return won;
      }
    }
  }

  /**
   * Claim number n+1 of a job read at claim n: the unique insert, then the job's update. A worker that
   * dies between the two leaves an orphan: a claim nobody can insert again while the job still reads
   * "claim n next". So a claim carries its lease, and once that has run out the claim is removed (a
   * `deleteOne`, which exactly one worker wins, on FerretDB too) and claimed again. A worker that was
   * only slow, and updates the job after someone else took it over, checks that the claim is still
   * its own before it runs anything: FerretDB may let both guarded updates match.
   */
  private async claim(job: Job, workerId: string, leaseMs: number, now: Date): Promise<ClaimedJob | null> {
    const claim = job.claims + 1;
    const claimId = `${job._id}:${claim}`;
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const started = Date.now();
    const inserted =
      (await this.insertClaim(claimId, job._id, workerId, leaseEnd)) ||
      ((await this.removeExpiredClaim(claimId, leaseMs, now)) &&
        (await this.insertClaim(claimId, job._id, workerId, leaseEnd)));
    if (!inserted) {
      return null; // another worker holds it
    }
    await this.betweenClaimAndTake?.(job._id);
    // Guarded by the claim count we read: if the job was settled or re-claimed since, it is not ours.
    const taken = await this.jobs.updateOne(
      { _id: job._id, claims: job.claims },
      {
        $set: { status: 'running', lockedBy: workerId, lockedUntil: leaseEnd, runAt: leaseEnd, claims: claim },
        $inc: { attempts: 1 },
      },
    );
    if (taken.matchedCount !== 1) {
      return null;
    }
    // Only a claimer this late can have had its claim removed as expired (half a lease leaves room
    // for the clocks of two machines to disagree).
    if (Date.now() - started > leaseMs / 2) {
      const held = await this.claims.findById(claimId).lean<JobClaim>();
      if (held?.workerId !== workerId) {
        return null;
      }
    }
    return {
      ...job,
      status: 'running',
      lockedBy: workerId,
      lockedUntil: leaseEnd,
      runAt: leaseEnd,
      claims: claim,
      claim,
      attempts: job.attempts + 1,
    };
  }

  /** True when this insert made the claim; false when the claim exists. */
  private async insertClaim(claimId: string, jobId: string, workerId: string, until: Date): Promise<boolean> {
    return (await insertOnce(this.claims, { _id: claimId, jobId, workerId, until })) !== null;
  }

  /**
   * Removes the claim if its lease has run out; true when this call removed it. A claim made before
   * claims carried their lease is taken to hold one lease from when it was made.
   */
  private async removeExpiredClaim(claimId: string, leaseMs: number, now: Date): Promise<boolean> {
    const held = await this.claims.findById(claimId).lean<JobClaim>();
    if (!held) {
      return false; // settled meanwhile: the job's claim count has moved on, a new read claims it
    }
    const expires = held.until ?? new Date(held.at.getTime() + leaseMs);
    if (expires.getTime() > now.getTime()) {
      return false;
    }
    const removed = await this.claims.deleteOne({ _id: claimId, workerId: held.workerId, at: held.at });
    return removed.deletedCount === 1;
  }

  /** Extends our lease; false if the job is no longer ours (settled, or taken over after the lease). */
  async extendLease(job: ClaimedJob, leaseMs: number, now = new Date()): Promise<boolean> {
    const leaseEnd = new Date(now.getTime() + leaseMs);
    const result = await this.jobs.updateOne(
      { _id: job._id, claims: job.claim },
      { $set: { lockedUntil: leaseEnd, runAt: leaseEnd } },
    );
    return result.matchedCount === 1;
  }

  /** Saves a long job's progress so a worker taking it over resumes there. */
  async checkpoint(job: ClaimedJob, progress: Record<string, unknown>): Promise<boolean> {
    const result = await this.jobs.updateOne({ _id: job._id, claims: job.claim }, { $set: { progress } });
    return result.matchedCount === 1;
  }

  /** Settles a run: into the history, and out of the queue (or, for a recurring job, on to `nextRunAt`). */
  async settle(
    job: ClaimedJob,
    outcome: { status: 'done' | 'failed'; error?: string | null; nextRunAt?: Date | null; kept?: object },
  ): Promise<void> {
    await this.record(job, outcome.status, outcome.error ?? null, outcome.kept ?? job.payload);
    if (outcome.nextRunAt) {
      await this.jobs.updateOne(
        { _id: job._id, claims: job.claim },
        {
          $set: {
            status: 'pending',
            attempts: 0,
            runAt: outcome.nextRunAt,
            lockedBy: null,
            lockedUntil: null,
            lastError: null,
            progress: null,
          },
        },
      );
    } else {
      await this.jobs.deleteOne({ _id: job._id, claims: job.claim });
    }
    await this.claims.deleteMany({ jobId: job._id });
  }

  /** Puts a failed attempt back in the queue for `runAt`, with its error. */
  async retryLater(job: ClaimedJob, runAt: Date, error: string): Promise<void> {
    await this.jobs.updateOne(
      { _id: job._id, claims: job.claim },
      { $set: { status: 'pending', runAt, lockedUntil: null, lockedBy: null, lastError: error } },
    );
  }

  /**
   * Jobs of `type` still queued or running whose payload has these values (settled jobs leave the
   * collection). Served by the `{ type, status }` index's prefix on MongoDB; small on FerretDB because
   * the one caller keeps it small.
   */
  async countQueued(type: JobType, payload: object): Promise<number> {
    const filter: Record<string, unknown> = { type };
    for (const [key, value] of Object.entries(payload)) {
      filter[`payload.${key}`] = value;
    }
    return this.jobs.countDocuments(filter);
  }

  /** The queued job, else its latest settled record. */
  async findById(id: string): Promise<JobRecord | null> {
    const queued = await this.jobs.findById(id).lean<Job>();
    if (queued) {
      return queued;
    }
    const settled = await this.history.findById(id).lean<JobHistory>();
    return settled ? this.settledToJobRecord(settled) : null;
  }

  /** Recent jobs of one type and state, newest first, for the console and tests. */
  async findRecent(filter: { type?: string; status?: JobStatus }, limit = 50): Promise<JobRecord[]> {
    const query: Record<string, unknown> = { ...filter };
    if (filter.status === 'pending' || filter.status === 'running') {
      return this.jobs.find(query).sort({ runAt: -1 }).limit(limit).lean<Job[]>();
    }
    const settled = await this.history.find(query).sort({ finishedAt: -1 }).limit(limit).lean<JobHistory[]>();
    return settled.map((entry) => this.settledToJobRecord(entry));
  }

  /** Forgets settled jobs finished before `before` (a recurring job of the queue calls this). */
  async pruneHistory(before: Date): Promise<number> {
    const result = await this.history.deleteMany({ finishedAt: { $lt: before } });
    return result.deletedCount;
  }

  private async record(
    job: ClaimedJob,
    status: 'done' | 'failed',
    error: string | null,
    payload: object,
  ): Promise<void> {
    await insertOnce(this.history, {
      _id: job.scheduleKey ? `${job._id}:${job.claim}` : job._id,
      jobId: job._id,
      type: job.type,
      payload,
      status,
      attempts: job.attempts,
      lockedBy: job.lockedBy,
      lastError: error,
      finishedAt: new Date(),
    });
  }

  /** A settled job's history entry as the job record the console and tests read, under the job's own id. */
  private settledToJobRecord(entry: JobHistory): JobRecord {
    return {
      _id: entry.jobId,
      type: entry.type,
      payload: entry.payload,
      status: entry.status,
      attempts: entry.attempts,
      maxAttempts: entry.attempts,
      claims: entry.attempts,
      runAt: entry.finishedAt,
      lockedUntil: null,
      lockedBy: entry.lockedBy,
      lastError: entry.lastError,
      progress: null,
      scheduleKey: null,
      createdAt: entry.finishedAt,
    };
  }
}
