import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { MembershipLock } from './membership-lock.schema';

/** The only code that touches the membership_locks collection (read by _id, no other index needed). */
@Injectable()
export class MembershipLockRepository {
  constructor(@InjectModel(MembershipLock.name) private readonly locks: Model<MembershipLock>) {}

  /** True when `holder` now holds the member's lock; false while someone else holds it. */
  async acquire(memberId: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
    if (await insertOnce(this.locks, { _id: memberId, holder, expiresAt: new Date(now.getTime() + leaseMs) })) {
      return true;
    }
    const current = await this.locks.findById(memberId).lean<MembershipLock>();
    if (current && current.expiresAt.getTime() <= now.getTime()) {
      // Its holder died mid-change; remove that lock (only that one) and let the next try insert.
      await this.locks.deleteOne({ _id: memberId, holder: current.holder });
    }
    return false;
  }

  async release(memberId: string, holder: string): Promise<void> {
    await this.locks.deleteOne({ _id: memberId, holder });
  }
}
