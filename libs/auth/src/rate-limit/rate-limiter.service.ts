import { Injectable } from '@nestjs/common';
import { TooManyRequestsError } from '@roundtable/core';
import { RateLimitAttemptRepository } from './rate-limit-attempt.repository';

/** Attempts older than this are deleted; no window may be longer. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Sliding-window limits kept in the database, so every API process shares them (an in-memory
 * throttler such as @nestjs/throttler would give each process its own allowance).
 *
 * Each attempt is one inserted document, then the attempts in the window are counted. A counter
 * bumped with `$inc` would be simpler, but FerretDB v1 on SQLite loses concurrent `$inc`s (measured
 * here: three at once on one document leave it at 1 or 2), so a burst could slip past the limit.
 * Inserts are never lost, and every attempt counts at least itself and all that were inserted
 * before it, so no more than `limit` attempts pass in a window; in a burst a few more may be refused
 * than strictly needed, which is the safe side. Refused attempts count too: hammering keeps the door
 * shut.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly attempts: RateLimitAttemptRepository) {}

  /** Counts one attempt for `key`; throws a 429 with `message` past `limit` in the last `windowMs`. */
  async hit(key: string, limit: number, windowMs: number, message: string): Promise<void> {
    if (!(await this.allows(key, limit, windowMs))) {
      throw new TooManyRequestsError(message);
    }
  }

  /**
   * Counts one attempt for `key`; false past `limit` in the last `windowMs`. For a limit the asker
   * must not be told about (it would say something about the key), where `hit` answers 429.
   */
  async allows(key: string, limit: number, windowMs: number): Promise<boolean> {
    const now = Date.now();
    await this.attempts.record(key, new Date(now));
    const count = await this.attempts.countSince(key, new Date(now - Math.min(windowMs, KEEP_MS)));
    if (count === 1) {
      // The key's first attempt in a while: a good moment to drop everyone's old ones.
      await this.attempts.deleteBefore(new Date(now - KEEP_MS));
    }
    return count <= limit;
  }
}
