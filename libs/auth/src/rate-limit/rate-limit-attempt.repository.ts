import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { RateLimitAttempt } from './rate-limit-attempt.schema';

/** The only code that touches the rate_limit_attempts collection. */
@Injectable()
export class RateLimitAttemptRepository {
  constructor(@InjectModel(RateLimitAttempt.name) private readonly attempts: Model<RateLimitAttempt>) {}

  /** Records one attempt (an insert: never lost, unlike concurrent `$inc`s on FerretDB). */
  async record(key: string, at: Date): Promise<void> {
    await this.attempts.create({ key, at });
  }

  /** How many attempts `key` made after `since` (the index on key and time). */
  countSince(key: string, since: Date): Promise<number> {
    return this.attempts.countDocuments({ key, at: { $gt: since } });
  }

  /** Forgets every key's attempts made before `before` (the index on time). */
  async deleteBefore(before: Date): Promise<void> {
    await this.attempts.deleteMany({ at: { $lt: before } });
  }
}
