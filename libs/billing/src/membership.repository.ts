import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { MembershipState } from './membership-state';
import { Membership } from './membership.schema';

export type MembershipRecord = Membership & { _id: Types.ObjectId };

/** The only code that touches the memberships collection. */
@Injectable()
export class MembershipRepository {
  constructor(@InjectModel(Membership.name) private readonly memberships: Model<Membership>) {}

  /** The member's membership, created empty the first time. */
  async getOrCreate(memberId: string): Promise<MembershipRecord> {
    await this.memberships.updateOne({ memberId }, { $setOnInsert: { memberId } }, { upsert: true });
    return (await this.memberships.findOne({ memberId }).lean<MembershipRecord>())!;
  }

  findByMember(memberId: string): Promise<MembershipRecord | null> {
    return this.memberships.findOne({ memberId }).lean<MembershipRecord>();
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

  /** Candidates for the worker's sweep. */
  findDue(now: Date): Promise<MembershipRecord[]> {
    return this.memberships
      .find({ $or: [{ state: 'past_due' }, { state: 'canceling', periodEnd: { $lte: now } }] })
      .limit(500)
      .lean<MembershipRecord[]>();
  }

  /** Every membership, streamed: the admin report computes its numbers in code. */
  cursor() {
    return this.memberships.find().lean<MembershipRecord>().cursor();
  }
}
