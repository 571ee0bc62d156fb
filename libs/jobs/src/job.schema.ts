import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** A unit of background work. Workers claim it with a lease, so several can share the queue. */
@Schema({ collection: 'jobs', timestamps: true })
export class Job {
  @Prop({ required: true })
  type: string;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  payload: Record<string, unknown>;

  @Prop({ required: true, default: 'pending' })
  status: JobStatus;

  @Prop({ required: true, default: 0 })
  attempts: number;

  @Prop({ required: true, default: 5 })
  maxAttempts: number;

  /** Not before this time: delays and retry backoff. */
  @Prop({ required: true, default: () => new Date() })
  runAt: Date;

  /** While running, the lease: past it, another worker may take the job over. */
  @Prop({ type: Date, default: null })
  lockedUntil: Date | null;

  @Prop({ type: String, default: null })
  lockedBy: string | null;

  @Prop({ type: String, default: null })
  lastError: string | null;

  createdAt: Date;
  updatedAt: Date;
}

export type JobDocument = HydratedDocument<Job>;
export const JobSchema = SchemaFactory.createForClass(Job);

// claimNext: the oldest due pending job.
JobSchema.index({ status: 1, runAt: 1 });
// claimNext: running jobs whose lease ran out (a crashed worker's).
JobSchema.index({ status: 1, lockedUntil: 1 });
// countByType (console, tests): how many jobs of a type are in each state.
JobSchema.index({ type: 1, status: 1 });
