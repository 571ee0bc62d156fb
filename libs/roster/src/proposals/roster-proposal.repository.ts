import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '@roundtable/core';
import { RosterProposal } from './roster-proposal.schema';

/** The most proposals staff's list shows at once (decided ones leave the collection, so it stays small). */
export const PROPOSAL_LIST_LIMIT = 200;

/** The only code that touches roster_proposals. */
@Injectable()
export class RosterProposalRepository {
  constructor(@InjectModel(RosterProposal.name) private readonly proposals: Model<RosterProposal>) {}

  /** Proposes once: false when this proposal is waiting already (a profile saved twice). */
  async insertOnce(proposal: RosterProposal): Promise<boolean> {
    return (await insertOnce(this.proposals, proposal)) !== null;
  }

  find(id: string): Promise<RosterProposal | null> {
    return /^[a-f0-9]{24}-[a-f0-9]{16}$/.test(id)
      ? this.proposals.findById(id).lean<RosterProposal>()
      : Promise.resolve(null);
  }

  /** A member's waiting proposal, if any (the newest replaces the others, so there is at most one per tenure). */
  findByMember(memberId: string): Promise<RosterProposal | null> {
    return this.proposals.findOne({ memberId }).lean<RosterProposal>();
  }

  listNewestFirst(): Promise<RosterProposal[]> {
    return this.proposals.find().sort({ proposedAt: -1, _id: 1 }).limit(PROPOSAL_LIST_LIMIT).lean<RosterProposal[]>();
  }

  /** How many wait for staff (the roster page's link says so; decided ones are removed, so this stays small). */
  countWaiting(): Promise<number> {
    return this.proposals.countDocuments();
  }

  /** Removes the tenure's proposals other than `keep` (superseded by a newer change, or the roster now agrees). */
  async removeOthersOf(tenureId: string, keep: string | null): Promise<void> {
    await this.proposals.deleteMany(keep ? { tenureId, _id: { $ne: keep } } : { tenureId });
  }

  /** True for the one decision that removed it (two staff deciding at once: one wins). */
  async take(id: string): Promise<boolean> {
    return (await this.proposals.deleteOne({ _id: id })).deletedCount === 1;
  }
}
