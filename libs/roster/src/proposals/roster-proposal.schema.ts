import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ProfileFacts } from '@roundtable/core';
import type { ProposalKind } from './proposal-plan';

/**
 * A roster change a member's profile proposes, waiting for staff to accept or dismiss it (a decided
 * proposal is removed). `_id` names the tenure and what it would become (proposal-plan.ts), so a
 * profile saved twice proposes once: the insert is the decision.
 */
@Schema({ collection: 'roster_proposals', versionKey: false })
export class RosterProposal {
  @Prop({ type: String }) _id: string;
  @Prop({ required: true }) tenureId: string;
  @Prop({ required: true }) memberId: string;
  @Prop({ required: true }) memberName: string;
  @Prop({ type: String, required: true }) kind: ProposalKind;
  /** The tenure as the roster had it when proposed. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) from: { person: string; company: string; title: string };
  /** The member's profile after the change. */
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) to: ProfileFacts;
  /** The day the member changed the profile (`YYYY-MM-DD`): when a moved member's tenures end and start. */
  @Prop({ required: true }) changeDate: string;
  @Prop({ type: Date, required: true }) proposedAt: Date;
}
export const RosterProposalSchema = SchemaFactory.createForClass(RosterProposal);
// Staff's list of proposals, newest first.
RosterProposalSchema.index({ proposedAt: -1 });
// A new proposal for a tenure replaces the older ones for it (the profile moved on).
RosterProposalSchema.index({ tenureId: 1 });
// A member not yet linked to a tenure changes again: the tenure their waiting proposal is about.
RosterProposalSchema.index({ memberId: 1 });
