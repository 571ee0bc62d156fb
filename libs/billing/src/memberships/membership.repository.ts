import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { parseObjectId, upsertRacing } from '@roundtable/core';
import type { MembershipState } from './membership-state';
import { Membership } from './membership.schema';

export type MembershipRecord = Membership & { _id: Types.ObjectId };

/** The only code that touches the memberships collection. */
@Injectable()
export class MembershipRepository {
  constructor(@InjectModel(Membership.name) private readonly memberships: Model<Membership>) {}

  /** The member's membership, created empty the first time. */
  async getOrCreate(memberId: string): Promise<MembershipRecord> {
    await upsertRacing(() =>
      this.memberships.updateOne({ memberId }, { $setOnInsert: { memberId } }, { upsert: true }),
    );
    return (await this.memberships.findOne({ memberId }).lean<MembershipRecord>())!;
  }

  findByMember(memberId: string): Promise<MembershipRecord | null> {
    return this.memberships.findOne({ memberId }).lean<MembershipRecord>();
  }

  /** Erasure: the membership goes; the caller deletes its Stripe customer first. */
  async eraseMember(memberId: string): Promise<void> {
    await this.memberships.deleteMany({ memberId });
  }

  findByCustomer(customerId: string): Promise<MembershipRecord | null> {
    return this.memberships.findOne({ stripeCustomerId: customerId }).lean<MembershipRecord>();
  }

  /** Records the customer once; a concurrent first checkout keeps the first id. */
  async setCustomerIfMissing(memberId: string, customerId: string): Promise<string> {
    await this.memberships.updateOne({ memberId, stripeCustomerId: null }, { $set: { stripeCustomerId: customerId } });
    return (await this.findByMember(memberId))!.stripeCustomerId!;
  }

  /**
   * Records Stripe ids the membership does not have yet, whatever its state: a stale event changes no
   * state, but the subscription id it names is still the member's.
   */
  async fillMissingIds(
    id: Types.ObjectId,
    ids: { stripeCustomerId?: string | null; stripeSubscriptionId?: string | null },
  ) {
    for (const [field, value] of Object.entries(ids)) {
      if (value) {
        await this.memberships.updateOne({ _id: id, [field]: null }, { $set: { [field]: value } });
      }
    }
  }

  /**
   * Applies a change only if nothing newer was applied since (`lastEventCreated`) and the state is
   * still the one the change was computed from. One atomic single-document update; false when the
   * guard did not match (a newer event or a concurrent change won).
   */
  async applyIfCurrent(
    id: Types.ObjectId,
    expected: { state: MembershipState; lastEventCreated: number },
    changes: Partial<Membership>,
  ): Promise<boolean> {
    const result = await this.memberships.updateOne(
      { _id: id, state: expected.state, lastEventCreated: expected.lastEventCreated },
      { $set: changes },
    );
    return result.modifiedCount === 1;
  }

  /** Past-due memberships whose grace period has run out (the worker's sweep). */
  findGraceExpired(now: Date, graceDays: number, limit = 500): Promise<MembershipRecord[]> {
    const failedBefore = new Date(now.getTime() - graceDays * 24 * 60 * 60 * 1000);
    return this.memberships
      .find({ state: 'past_due', pastDueSince: { $lte: failedBefore } })
      .limit(limit)
      .lean<MembershipRecord[]>();
  }

  /** Canceling memberships whose paid period is over (the worker's sweep). */
  findPeriodEnded(now: Date, limit = 500): Promise<MembershipRecord[]> {
    return this.memberships
      .find({ state: 'canceling', periodEnd: { $lte: now } })
      .limit(limit)
      .lean<MembershipRecord[]>();
  }

  /** One page of a tier's memberships, in `_id` order after `after` (an indexed range, not a skip). */
  pageByTier(tier: string, after: string | null, limit = 200): Promise<MembershipRecord[]> {
    const from = parseObjectId(after);
    return this.memberships
      .find({ tier, ...(from ? { _id: { $gt: from } } : {}) })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<MembershipRecord[]>();
  }

  /** Every membership, streamed: the admin report computes its numbers in code. */
  cursor() {
    return this.memberships.find().lean<MembershipRecord>().cursor();
  }
}
