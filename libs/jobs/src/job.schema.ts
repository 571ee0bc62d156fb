import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';

/** Where a job is: waiting in the queue, being run under a lease, or settled (in the history). */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/**
 * A unit of background work waiting in the queue. Only work still to do lives here: a settled job
 * moves to `job_history`, so a claim scans only what is pending (FerretDB scans for nearly every
 * query). `_id` is a string: an ObjectId's hex for ordinary jobs, a chosen name for work that must
 * exist once (`sched:<type>:<key>` for a recurring schedule's one pending run, a distribution batch).
 */
@Schema({ collection: 'jobs', versionKey: false })
export class Job {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  type: string;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  payload: Record<string, unknown>;

  @Prop({ type: String, required: true, default: 'pending' })
  status: 'pending' | 'running';

  /** Attempts of the current run (a retry adds one; a recurring job's next run starts at 0). */
  @Prop({ required: true, default: 0 })
  attempts: number;

  @Prop({ required: true, default: 5 })
  maxAttempts: number;

  /** How many times the job was claimed: claim number n is the unique insert `<_id>:<n>`. */
  @Prop({ required: true, default: 0 })
  claims: number;

  /**
   * Not before this time. A claim moves it to the end of the lease, so one range on `runAt` finds
   * both the due jobs and those whose worker crashed.
   */
  @Prop({ required: true, default: () => new Date() })
  runAt: Date;

  @Prop({ type: Date, default: null })
  lockedUntil: Date | null;

  @Prop({ type: String, default: null })
  lockedBy: string | null;

  @Prop({ type: String, default: null })
  lastError: string | null;

  /** What a long job saved of its progress (`context.checkpoint`), so a takeover resumes there. */
  @Prop({ type: MongooseSchema.Types.Mixed, default: null })
  progress: Record<string, unknown> | null;

  /** Set on a recurring schedule's run: the schedule's key (its `_id` is `sched:<type>:<key>`). */
  @Prop({ type: String, default: null })
  scheduleKey: string | null;

  @Prop({ type: Date, default: () => new Date() })
  createdAt: Date;
}

export type JobDocument = HydratedDocument<Job>;
export const JobSchema = SchemaFactory.createForClass(Job);

// claimBatch: due jobs, oldest first (pending ones, and running ones whose lease ran out).
JobSchema.index({ runAt: 1 });
// findRecent (console, tests): the pending jobs of a type.
JobSchema.index({ type: 1, status: 1 });

/**
 * One claim of one job: `_id` `<jobId>:<claim number>`. The unique insert decides which worker runs
 * it: FerretDB v1 lets concurrent guarded findOneAndUpdates on one document all win, so a guarded
 * update cannot.
 */
@Schema({ collection: 'job_claims', versionKey: false })
export class JobClaim {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  jobId: string;

  @Prop({ required: true })
  workerId: string;

  @Prop({ type: Date, default: () => new Date() })
  at: Date;

  /**
   * The end of the claim's first lease: if the job was never updated to this claim (its worker died
   * between the two writes), the claim may be removed after it and the job claimed again.
   */
  @Prop({ type: Date, default: null })
  until: Date | null;
}
export const JobClaimSchema = SchemaFactory.createForClass(JobClaim);

// settle: a job's claims are removed with it (the collection holds only claims of queued jobs).
JobClaimSchema.index({ jobId: 1 });

/** A settled job (or one run of a recurring job), kept a while for the console and tests. */
@Schema({ collection: 'job_history', versionKey: false })
export class JobHistory {
  /** The job's `_id`; for a recurring job's run `<_id>:<claim number>`. */
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  jobId: string;

  @Prop({ required: true })
  type: string;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  payload: Record<string, unknown>;

  @Prop({ type: String, required: true })
  status: 'done' | 'failed';

  @Prop({ required: true })
  attempts: number;

  @Prop({ type: String, default: null })
  lockedBy: string | null;

  @Prop({ type: String, default: null })
  lastError: string | null;

  @Prop({ type: Date, required: true })
  finishedAt: Date;
}
export const JobHistorySchema = SchemaFactory.createForClass(JobHistory);

// findRecent (console, tests): settled jobs of a type and state, newest first.
JobHistorySchema.index({ type: 1, status: 1, finishedAt: -1 });
// pruneHistory: entries older than the retention.
JobHistorySchema.index({ finishedAt: 1 });
