import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One attempt at something limited (a sign-in link asked for, a code tried, a comment posted). */
@Schema({ collection: 'rate_limit_attempts', versionKey: false })
export class RateLimitAttempt {
  /** What is limited and for whom, such as `sign-in-email:<address>`. */
  @Prop({ required: true })
  key: string;

  @Prop({ type: Date, required: true })
  at: Date;
}

export const RateLimitAttemptSchema = SchemaFactory.createForClass(RateLimitAttempt);
// RateLimiter.hit: one key's attempts since the window's start.
RateLimitAttemptSchema.index({ key: 1, at: 1 });
// The clean-up of old attempts (FerretDB has no TTL indexes).
RateLimitAttemptSchema.index({ at: 1 });
