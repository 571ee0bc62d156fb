import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { TooManyRequestsError } from '@roundtable/core';

const COLLECTION = 'rate_limits';

/**
 * Fixed-window counters in the database, so every API process shares them (an in-memory throttler
 * would give each process its own allowance). One atomic `$inc` upsert per attempt; old windows are
 * deleted as we go, since FerretDB has no TTL indexes.
 */
@Injectable()
export class RateLimiter {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  /** Counts one attempt for `key`; throws a 429 with `message` past `limit` in the window. */
  async hit(key: string, limit: number, windowMs: number, message: string): Promise<void> {
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    const collection = this.connection.collection<{ _id: string; count: number; expiresAt: Date }>(COLLECTION);
    const id = `${key}|${windowStart}`;
    const counter = await collection.findOneAndUpdate(
      { _id: id },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt: new Date(windowStart + windowMs) } },
      { upsert: true, returnDocument: 'after' },
    );
    if (counter?.count === 1) {
      // A new window began: a good moment to drop the finished ones.
      await collection.deleteMany({ expiresAt: { $lt: new Date(now) } });
    }
    if ((counter?.count ?? 0) > limit) {
      throw new TooManyRequestsError(message);
    }
  }
}
